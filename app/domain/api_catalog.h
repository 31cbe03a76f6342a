// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/api_definition.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/domain_service.h"

#include <QList>

#include <optional>

namespace gatehouse::app {

// Whether a slug and version are free for a new API, and if not, the
// nearest ones that are (ApiCatalog::checkSlugVersion).
struct SlugVersionCheck {
    bool taken = false;
    // Set when taken: the next free version of the same slug ("v1" -> the
    // version after the highest "vN"; otherwise "1.0-2", "1.0-3"...) and the
    // first "<slug>-N" no API uses yet.
    QString freeVersion;
    QString freeSlug;
};

// Whether a base path is free for an API, and if not, which API is in the
// way and a nearby base path that is free (ApiCatalog::checkBasePath).
struct BasePathCheck {
    bool taken = false;
    // Set when taken and the asker may see the API in the way; otherwise
    // (taken, someone else's API) all empty: "in use by another API".
    qint64 otherId = 0;
    QString otherName;
    QString otherVersion;
    QString otherBasePath;
    // When the base paths are nested rather than equal: the route ("GET
    // /v1/weather/{city}", full path) of the outer API that lies under the
    // inner one's base path, so the two would take each other's calls.
    QString route;
    // Set when taken: a base path no live API overlaps (the version in
    // place of a "vN" segment, or appended, or a "-N" suffix).
    QString freeBasePath;
};

// The API catalog: versions, definitions and lifecycle transitions, with
// visibility and edit permissions enforced on every call.
class ApiCatalog : public DomainService {
public:
    explicit ApiCatalog(const Database& database);

    // Creates a draft (state and links in `api` are ignored). Admins, or
    // publishers who belong to api.teamId.
    std::optional<ApiDefinition> createApi(const Principal& actor, const ApiDefinition& api);
    // Replaces the editable fields (not state, links or timestamps). Moving
    // an API to another team needs edit rights on both. Retired APIs are
    // read-only; a published API must stay publishable.
    bool updateApi(const Principal& actor, const ApiDefinition& api);
    // Copies `fromApiId` into a new draft `version` of the same slug and links
    // the two (previous <-> successor). The new version's base path is
    // `basePath`, or when empty versionBasePath() of the original.
    std::optional<ApiDefinition> createVersion(const Principal& actor, qint64 fromApiId,
                                               const QString& version,
                                               const QString& basePath = {});
    // The base path a new `version` of `from` gets by default: `from`'s with
    // its last segment equal to from.version replaced ("/orders/v1" ->
    // "/orders/v2"); unchanged when there is no such segment.
    static QString versionBasePath(const ApiDefinition& from, const QString& version);

    // `reason`, when given, is kept in the audit entry of the transition.
    bool publish(const Principal& actor, qint64 apiId, const QString& reason = {});
    // `sunsetAt` Unix ms in the future; `successorId` 0 or a visible API.
    bool deprecate(const Principal& actor, qint64 apiId, qint64 sunsetAt, qint64 successorId = 0,
                   const QString& reason = {});
    bool retire(const Principal& actor, qint64 apiId, const QString& reason = {});
    // Deletes a draft (with its routes, upstreams and plans); an API that was
    // ever published goes through deprecate and retire instead (Conflict). A
    // link from or to another version is cleared.
    bool deleteDraft(const Principal& actor, qint64 apiId);

    // NotFound (never Forbidden) for an API the actor may not see.
    std::optional<ApiDefinition> api(const Principal& actor, qint64 apiId) const;
    QList<ApiDefinition> visibleApis(const Principal& actor) const;
    // Every visible version of one API, oldest first.
    QList<ApiDefinition> versions(const Principal& actor, const QString& slug) const;

    // The actions `actor` may take on `api` now: the lifecycle table for its
    // state, intersected with the actor's rights (admins, and publishers of
    // the owning team). What the page offers is what these calls accept,
    // apart from preconditions on the API itself (routes to publish, a
    // future sunset to deprecate), which the calls check and explain.
    // Refuses an actor without an account like every read (Forbidden, see
    // requireAccount()): an empty list is only an answer when
    // lastErrorCode() is None.
    QList<ApiAction> allowedActions(const Principal& actor, const ApiDefinition& api) const;

    static QString validate(const ApiDefinition& api); // empty when valid
    // The same as a message the console can translate.
    static DomainMessage validationMessage(const ApiDefinition& api);

    // Whether createApi() would refuse `slug` + `version` as taken, with free
    // alternatives (see SlugVersionCheck). Every API counts, visible to the
    // asker or not, as in createApi(). nullopt on a storage error.
    std::optional<SlugVersionCheck> checkSlugVersion(const QString& slug,
                                                     const QString& version) const;

    // Whether createApi() (or an edit, a new version, a publish) would
    // refuse `api`'s base path because another live API (draft, published or
    // deprecated; a retired API's path is free) has the same one, or a
    // nested one with a route of the outer API under the inner base path
    // (see BasePath). `exceptId` is the API being edited. The API in the way
    // is named only when `actor` may see it. The free alternative is shaped
    // by api.slug and api.version. nullopt on a storage error.
    std::optional<BasePathCheck> checkBasePath(const Principal& actor, const ApiDefinition& api,
                                               qint64 exceptId = 0) const;

private:
    std::optional<ApiDefinition> loadForEdit(const Principal& actor, qint64 apiId) const;
    bool transition(const Principal& actor, qint64 apiId, ApiState to, qint64 sunsetAt,
                    qint64 successorId, const QString& reason);
    bool requireTeam(qint64 teamId) const;
    bool slugVersionTaken(const QString& slug, const QString& version, qint64 exceptId,
                          bool* taken) const;
    // Live APIs other than `exceptId`.
    std::optional<QList<ApiDefinition>> liveApis(qint64 exceptId) const;
    // Fails with Conflict (the message names the API in the way when the
    // actor may see it) when `api`'s base path conflicts with a live API's
    // (checkBasePath()).
    bool requireFreeBasePath(const Principal& actor, const ApiDefinition& api) const;

    AccessPolicy m_policy;
};

} // namespace gatehouse::app
