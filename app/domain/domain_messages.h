// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

// Every sentence the domain services (app/domain) and the console's app/
// façades report, as English templates. They are marked for lupdate in the
// "DomainMessage" context and translated only in ui/ (domain_message_text.h);
// in app/ they stay English, which is what lastError(), the admin API and the
// command line show. The wording is part of the admin API's problem details:
// change a template only together with its tests.
//
// ui/CMakeLists.txt adds this one header to lupdate's sources. A `//:` line
// is the translators' comment for the template after it.

namespace gatehouse::app::msg {

// --- Words produced by code, passed as arguments of the sentences below ---

//: An API lifecycle state, inserted into other messages ("the API is %1").
inline constexpr const char* StateDraft = QT_TRANSLATE_NOOP("DomainMessage", "draft");
//: An API lifecycle state, inserted into other messages ("the API is %1").
inline constexpr const char* StatePublished = QT_TRANSLATE_NOOP("DomainMessage", "published");
//: An API lifecycle state, inserted into other messages ("the API is %1").
inline constexpr const char* StateDeprecated = QT_TRANSLATE_NOOP("DomainMessage", "deprecated");
//: An API lifecycle state, inserted into other messages ("the API is %1").
inline constexpr const char* StateRetired = QT_TRANSLATE_NOOP("DomainMessage", "retired");

//: A subscription's state, inserted into other messages ("... to this API (%1)").
inline constexpr const char* SubscriptionPending = QT_TRANSLATE_NOOP("DomainMessage", "pending");
//: A subscription's state, inserted into other messages ("... to this API (%1)").
inline constexpr const char* SubscriptionApproved = QT_TRANSLATE_NOOP("DomainMessage", "approved");
//: A subscription's state, inserted into other messages ("... to this API (%1)").
inline constexpr const char* SubscriptionRejected = QT_TRANSLATE_NOOP("DomainMessage", "rejected");
//: A subscription's state, inserted into other messages ("... to this API (%1)").
inline constexpr const char* SubscriptionSuspended =
    QT_TRANSLATE_NOOP("DomainMessage", "suspended");
//: A subscription's state, inserted into other messages ("... to this API (%1)").
inline constexpr const char* SubscriptionRevoked = QT_TRANSLATE_NOOP("DomainMessage", "revoked");

//: The object of "cannot approve %1" and similar: a subscription in that state.
inline constexpr const char* APendingSubscription =
    QT_TRANSLATE_NOOP("DomainMessage", "a pending subscription");
//: The object of "cannot approve %1" and similar: a subscription in that state.
inline constexpr const char* AnApprovedSubscription =
    QT_TRANSLATE_NOOP("DomainMessage", "an approved subscription");
//: The object of "cannot approve %1" and similar: a subscription in that state.
inline constexpr const char* ARejectedSubscription =
    QT_TRANSLATE_NOOP("DomainMessage", "a rejected subscription");
//: The object of "cannot approve %1" and similar: a subscription in that state.
inline constexpr const char* ASuspendedSubscription =
    QT_TRANSLATE_NOOP("DomainMessage", "a suspended subscription");
//: The object of "cannot approve %1" and similar: a subscription in that state.
inline constexpr const char* ARevokedSubscription =
    QT_TRANSLATE_NOOP("DomainMessage", "a revoked subscription");

// --- Accounts, users and sign-in ---

//: %1 is a user name, %2 its numeric id.
inline constexpr const char* UserHasNoAccount =
    QT_TRANSLATE_NOOP("DomainMessage", "user '%1' (id %2) has no account in this catalog");
//: %1 is a numeric user id.
inline constexpr const char* UserIdHasNoAccount =
    QT_TRANSLATE_NOOP("DomainMessage", "user id %1 has no account in this catalog");
//: %1 is the database's own error message (English, from the driver).
inline constexpr const char* CannotWriteAuditLog =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot write the audit log: %1");
inline constexpr const char* OnlyAdminsReadAuditLog =
    QT_TRANSLATE_NOOP("DomainMessage", "only admins may read the audit log");
inline constexpr const char* NoSuchUser = QT_TRANSLATE_NOOP("DomainMessage", "no such user");
inline constexpr const char* NoAdminYet =
    QT_TRANSLATE_NOOP("DomainMessage", "there is no admin account yet");
inline constexpr const char* UserNameRule =
    QT_TRANSLATE_NOOP("DomainMessage", "user name must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
//: %1 is the minimum number of characters.
inline constexpr const char* PasswordTooShort =
    QT_TRANSLATE_NOOP("DomainMessage", "password must have at least %1 characters");
inline constexpr const char* NoRandomForSalt =
    QT_TRANSLATE_NOOP("DomainMessage", "no secure random source for the password salt");
//: %1 is a user name.
inline constexpr const char* UserExists =
    QT_TRANSLATE_NOOP("DomainMessage", "user '%1' already exists");
inline constexpr const char* SharedCatalogNoLocalAdmin =
    QT_TRANSLATE_NOOP("DomainMessage", "a shared catalog has no local admin; sign in instead");
//: %1 is the operating system's user name.
inline constexpr const char* NoAccountInWorkspace =
    QT_TRANSLATE_NOOP("DomainMessage", "'%1' has no account in this workspace");
inline constexpr const char* FirstAdminNeedsPassword =
    QT_TRANSLATE_NOOP("DomainMessage", "the first admin needs a password");
inline constexpr const char* CatalogHasUsers =
    QT_TRANSLATE_NOOP("DomainMessage", "the catalog already has users");
inline constexpr const char* OnlyAdminsCreateUsers =
    QT_TRANSLATE_NOOP("DomainMessage", "only admins may create users");
inline constexpr const char* OnlyAdminsChangeRoles =
    QT_TRANSLATE_NOOP("DomainMessage", "only admins may change roles");
inline constexpr const char* CannotDemoteLastAdmin =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot demote the last admin");
inline constexpr const char* OnlyAdminsSetPasswords =
    QT_TRANSLATE_NOOP("DomainMessage", "only admins may set another user's password");
inline constexpr const char* WrongPassword =
    QT_TRANSLATE_NOOP("DomainMessage", "unknown user or wrong password");

// --- Teams ---

inline constexpr const char* OnlyAdminsPublishersCreateTeams =
    QT_TRANSLATE_NOOP("DomainMessage", "only admins and publishers may create teams");
inline constexpr const char* TeamNameRule =
    QT_TRANSLATE_NOOP("DomainMessage", "a team name has 1-100 characters");
//: %1 is a team name.
inline constexpr const char* TeamExists =
    QT_TRANSLATE_NOOP("DomainMessage", "team '%1' already exists");
inline constexpr const char* OnlyOwnersManageMembers =
    QT_TRANSLATE_NOOP("DomainMessage", "only admins and team owners may manage members");
inline constexpr const char* TeamKeepsOwner =
    QT_TRANSLATE_NOOP("DomainMessage", "a team keeps at least one owner");
inline constexpr const char* NotAMember =
    QT_TRANSLATE_NOOP("DomainMessage", "the user is not a member of this team");
inline constexpr const char* NoSuchTeam = QT_TRANSLATE_NOOP("DomainMessage", "no such team");
//: %1 is a numeric team id.
inline constexpr const char* NoTeamId = QT_TRANSLATE_NOOP("DomainMessage", "no team %1");

// --- APIs: the catalog's rules for a definition ---
// These start with the field they are about ("slug: ..."); the console uses
// that prefix to place the message next to its field, so keep it in a
// translation.

inline constexpr const char* SlugRule = QT_TRANSLATE_NOOP(
    "DomainMessage", "slug: 1-63 characters of a-z 0-9 and '-', starting alphanumeric");
inline constexpr const char* VersionRule =
    QT_TRANSLATE_NOOP("DomainMessage", "version: 1-32 characters of A-Z a-z 0-9 . _ -");
inline constexpr const char* NameRequired =
    QT_TRANSLATE_NOOP("DomainMessage", "name: must not be empty");
inline constexpr const char* BasePathSlash =
    QT_TRANSLATE_NOOP("DomainMessage", "basePath: must start with '/'");
//: %1 is the router's own reason (English, from the gateway).
inline constexpr const char* BasePathUnparsable =
    QT_TRANSLATE_NOOP("DomainMessage", "basePath: %1");
//: %1 is the route's index, counted from 0.
inline constexpr const char* RouteMethodRule =
    QT_TRANSLATE_NOOP("DomainMessage", "routes[%1].method: not an HTTP method");
//: %1 is the route's index, counted from 0.
inline constexpr const char* RoutePathSlash =
    QT_TRANSLATE_NOOP("DomainMessage", "routes[%1].path: must start with '/'");
//: %1 is the upstream target's index, counted from 0.
inline constexpr const char* UpstreamWeightRule =
    QT_TRANSLATE_NOOP("DomainMessage", "upstreams[%1].weight: must be at least 1");
inline constexpr const char* CachePolicyNotObject =
    QT_TRANSLATE_NOOP("DomainMessage", "cachePolicy: must be a JSON object");
inline constexpr const char* TimeoutsPositive =
    QT_TRANSLATE_NOOP("DomainMessage", "timeouts: must be positive");
inline constexpr const char* KeyQueryParameterRule =
    QT_TRANSLATE_NOOP("DomainMessage", "keyQueryParameter: 1-64 characters of A-Z a-z 0-9 . _ ~ -");
inline constexpr const char* KeyQueryParameterOpenApi = QT_TRANSLATE_NOOP(
    "DomainMessage", "keyQueryParameter: only for APIs that require an API key, not for open APIs");

// --- APIs: the catalog ---

//: %1 is a base path such as /orders.
inline constexpr const char* BasePathInUse =
    QT_TRANSLATE_NOOP("DomainMessage", "basePath: '%1' is already in use by another API");
//: %1 is the base path asked for, %2 the other API's base path, %3 its name and %4 its version.
inline constexpr const char* BasePathOverlaps =
    QT_TRANSLATE_NOOP("DomainMessage", "basePath: '%1' overlaps '%2', the base path of %3 %4");
//: As "basePath: '%1' overlaps ...", with %5 a route path that lies under both.
inline constexpr const char* BasePathOverlapsRoute = QT_TRANSLATE_NOOP(
    "DomainMessage", "basePath: '%1' overlaps '%2', the base path of %3 %4 (route %5)");
inline constexpr const char* OnlyPublishersCreateApis = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and publishers of the owning team may create its APIs");
//: %1 is an API's slug, %2 its version.
inline constexpr const char* ApiVersionExists =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 %2 already exists");
inline constexpr const char* NoSuchApi = QT_TRANSLATE_NOOP("DomainMessage", "no such API");
inline constexpr const char* OnlyPublishersChangeApi = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and publishers of the owning team may change this API");
inline constexpr const char* RetiredApiFinal =
    QT_TRANSLATE_NOOP("DomainMessage", "a retired API cannot be changed");
inline constexpr const char* MayNotMoveApi =
    QT_TRANSLATE_NOOP("DomainMessage", "you may not move APIs to that team");
//: %1 is a complete message about why the API cannot be published, %2 the API's state.
inline constexpr const char* WhyWithState =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 (the API is %2)");
//: %1 is an API's slug, %2 its version.
inline constexpr const char* ApiHasSuccessor =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 %2 already has a successor");
//: %1 is the API's lifecycle state.
inline constexpr const char* OnlyDraftsDeleted = QT_TRANSLATE_NOOP(
    "DomainMessage", "only drafts can be deleted; a %1 API is deprecated and retired instead");
inline constexpr const char* NoSuchSuccessor =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot deprecate: no such successor API");
inline constexpr const char* ApiUnreadable =
    QT_TRANSLATE_NOOP("DomainMessage", "the API could not be read");
inline constexpr const char* SuccessorRetired =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot deprecate: the successor is retired");

// --- APIs: the lifecycle ---

//: %1 is a lifecycle state.
inline constexpr const char* AlreadyInState =
    QT_TRANSLATE_NOOP("DomainMessage", "the API is already %1");
//: %1 and %2 are lifecycle states: the move that was refused.
inline constexpr const char* RetiredIsFinal =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 -> %2: a retired API is final and cannot change state");
//: %1 and %2 are lifecycle states: the move that was refused.
inline constexpr const char* NoWayBackToDraft = QT_TRANSLATE_NOOP(
    "DomainMessage", "%1 -> %2: an API cannot go back to draft; create a new version instead");
//: %1 and %2 are lifecycle states: the move that was refused.
inline constexpr const char* NoRepublish = QT_TRANSLATE_NOOP(
    "DomainMessage",
    "%1 -> %2: a deprecated API cannot be published again; create a new version instead");
//: %1 and %2 are lifecycle states: the move that was refused.
inline constexpr const char* PublishFirst =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 -> %2: a draft must be published first");
//: %1 and %2 are lifecycle states: the move that was refused.
inline constexpr const char* DeprecateFirst = QT_TRANSLATE_NOOP(
    "DomainMessage",
    "%1 -> %2: an API must be deprecated, with a sunset date, before it is retired");
//: %1 and %2 are lifecycle states: the move that was refused.
inline constexpr const char* NotATransition =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 -> %2: not a lifecycle transition");
inline constexpr const char* PublishNoRoutes =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot publish: the API has no routes");
inline constexpr const char* PublishNoUpstream =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot publish: the API has no upstream target");
inline constexpr const char* PublishBasePathSlash =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot publish: the base path must start with '/'");
//: %1 is an upstream URL, %2 the gateway's reason why it cannot be used (English).
inline constexpr const char* PublishBadUpstream =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot publish: upstream '%1': %2");
inline constexpr const char* SunsetInFuture =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot deprecate: the sunset date must be in the future");
inline constexpr const char* OwnSuccessor =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot deprecate: an API cannot be its own successor");

// --- Plans ---

inline constexpr const char* OnlyPublishersChangePlans = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and publishers of the owning team may change its plans");
inline constexpr const char* NoSuchPlan = QT_TRANSLATE_NOOP("DomainMessage", "no such plan");
inline constexpr const char* PlanRule =
    QT_TRANSLATE_NOOP("DomainMessage", "a plan needs a name and non-negative limits");
//: %1 is a plan's name.
inline constexpr const char* PlanExists =
    QT_TRANSLATE_NOOP("DomainMessage", "plan '%1' already exists");

// --- Applications and keys ---

inline constexpr const char* NoSuchApplication =
    QT_TRANSLATE_NOOP("DomainMessage", "no such application");
inline constexpr const char* ApplicationNeedsName =
    QT_TRANSLATE_NOOP("DomainMessage", "an application needs a name");
inline constexpr const char* OnlyMembersCreateApplications =
    QT_TRANSLATE_NOOP("DomainMessage", "only members of a team may create its applications");
inline constexpr const char* ExpiryInFuture =
    QT_TRANSLATE_NOOP("DomainMessage", "the expiry must be in the future");
inline constexpr const char* NoRandomForKey =
    QT_TRANSLATE_NOOP("DomainMessage", "no secure random source for the key");
inline constexpr const char* NoSuchKey = QT_TRANSLATE_NOOP("DomainMessage", "no such key");
inline constexpr const char* KeyAlreadyRevoked =
    QT_TRANSLATE_NOOP("DomainMessage", "the key is already revoked");
inline constexpr const char* UnknownKey = QT_TRANSLATE_NOOP("DomainMessage", "unknown key");
inline constexpr const char* KeyRevoked = QT_TRANSLATE_NOOP("DomainMessage", "the key is revoked");
inline constexpr const char* KeyExpired = QT_TRANSLATE_NOOP("DomainMessage", "the key has expired");

// --- Subscriptions ---

inline constexpr const char* NoSuchSubscription =
    QT_TRANSLATE_NOOP("DomainMessage", "no such subscription");
//: %1 is an API's slug, %2 its version, %3 its lifecycle state.
inline constexpr const char* ApiTakesNoSubscriptions =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 %2 is %3 and takes no new subscriptions");
//: %1 is the existing subscription's state.
inline constexpr const char* AlreadySubscribed = QT_TRANSLATE_NOOP(
    "DomainMessage", "the application already has a subscription to this API (%1)");
inline constexpr const char* OnlyApproversApprove = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and owners of the API's team may approve subscriptions");
inline constexpr const char* OnlyApproversReject = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and owners of the API's team may reject subscriptions");
inline constexpr const char* OnlyApproversSuspend = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and owners of the API's team may suspend subscriptions");
inline constexpr const char* OnlyApproversResume = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and owners of the API's team may resume subscriptions");
inline constexpr const char* OnlyApproversRevoke = QT_TRANSLATE_NOOP(
    "DomainMessage", "only admins and owners of the API's team may revoke subscriptions");
//: %1 is a subscription in its current state, e.g. "a pending subscription".
inline constexpr const char* CannotApprove =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot approve %1");
//: %1 is a subscription in its current state, e.g. "a pending subscription".
inline constexpr const char* CannotReject = QT_TRANSLATE_NOOP("DomainMessage", "cannot reject %1");
//: %1 is a subscription in its current state, e.g. "a pending subscription".
inline constexpr const char* CannotSuspend =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot suspend %1");
//: %1 is a subscription in its current state, e.g. "a pending subscription".
inline constexpr const char* CannotResume = QT_TRANSLATE_NOOP("DomainMessage", "cannot resume %1");
//: %1 is a subscription in its current state, e.g. "a pending subscription".
inline constexpr const char* CannotRevoke = QT_TRANSLATE_NOOP("DomainMessage", "cannot revoke %1");
inline constexpr const char* RejectionNeedsReason =
    QT_TRANSLATE_NOOP("DomainMessage", "a rejection needs a reason");

// --- The demo workspace (created from the console's dashboard) ---

//: %1 names what was being made, e.g. "user maya" or "api products@v1" (not translated);
//: %2 is why, a message of its own.
inline constexpr const char* DemoStepFailed =
    QT_TRANSLATE_NOOP("DomainMessage", "demo workspace: %1: %2");
//: %1 is the subscription's state, %2 the state the demo expected.
inline constexpr const char* DemoUnexpectedState =
    QT_TRANSLATE_NOOP("DomainMessage", "is %1, expected %2");
inline constexpr const char* DemoOnlyAdmins =
    QT_TRANSLATE_NOOP("DomainMessage", "demo workspace: only an administrator can create it");
//: %1 is the database's own reason (English).
inline constexpr const char* DemoWorkspaceFailed =
    QT_TRANSLATE_NOOP("DomainMessage", "demo workspace: %1");
//: %1 is why, a message of its own.
inline constexpr const char* DemoTrafficKeyFailed =
    QT_TRANSLATE_NOOP("DomainMessage", "demo traffic key: %1");

// --- Start-up of the catalog (shown in the console's window) ---

//: %1 is the database file or URL, %2 the database's own reason (English).
inline constexpr const char* CannotUseCatalog =
    QT_TRANSLATE_NOOP("DomainMessage", "Cannot use the catalog database %1: %2");
//: %1 is the operating system's user name, %2 the database file, %3 why (a message of its own).
inline constexpr const char* NoLocalAdmin =
    QT_TRANSLATE_NOOP("DomainMessage", "No administrator for '%1' in %2: %3");

// --- Problems found at a place in a document (OpenAPI, cache policy, workspace file) ---

//: A problem and where it is. %1 is the place, e.g. "petstore.yaml:41:7: paths./pets.get" or
//: "apis[2].team" (file name, line, column and field path; not translated); %2 the problem.
inline constexpr const char* ProblemAt = QT_TRANSLATE_NOOP("DomainMessage", "%1: %2");
//: Two problems of one document on one line; %1 and %2 are problems of their own.
inline constexpr const char* ProblemsJoined = QT_TRANSLATE_NOOP("DomainMessage", "%1; %2");

// --- OpenAPI documents (imported, or read for the API's documentation) ---

//: The place of a problem in an OpenAPI document that has no file name (instead of
//: "petstore.yaml"); %1 is the line, column and field, e.g. ":41:7: paths./pets" (may be empty).
inline constexpr const char* OpenApiUnnamedDocument =
    QT_TRANSLATE_NOOP("DomainMessage", "document%1");
//: A field of an OpenAPI document (named before this text) is missing.
inline constexpr const char* OpenApiRequired = QT_TRANSLATE_NOOP("DomainMessage", "is required");
//: A field of an OpenAPI document (named before this text) has the wrong kind of value.
inline constexpr const char* OpenApiMustBeString =
    QT_TRANSLATE_NOOP("DomainMessage", "must be a string");
//: A field of an OpenAPI document or a workspace file (named before this text) holds
//: the character U+0000, which no text of the catalog can hold.
inline constexpr const char* TextHoldsNul =
    QT_TRANSLATE_NOOP("DomainMessage", "must not contain the NUL character (U+0000)");
//: A field of an OpenAPI document (named before this text) has the wrong kind of value.
inline constexpr const char* OpenApiMustBeList =
    QT_TRANSLATE_NOOP("DomainMessage", "must be a list");
//: A field of an OpenAPI document (named before this text) has the wrong kind of value
//: ("mapping": key/value pairs, a YAML mapping or a JSON object).
inline constexpr const char* OpenApiMustBeMapping =
    QT_TRANSLATE_NOOP("DomainMessage", "must be a mapping");
//: %1 is a server URL with {variables}, as written in the document.
inline constexpr const char* OpenApiServerVariable =
    QT_TRANSLATE_NOOP("DomainMessage", "variable without a default in '%1'");
//: %1 is the server URL as written in the document.
inline constexpr const char* OpenApiServerUrlRule =
    QT_TRANSLATE_NOOP("DomainMessage", "'%1' is neither an http(s) URL nor an absolute path");
inline constexpr const char* OpenApiPathSlash =
    QT_TRANSLATE_NOOP("DomainMessage", "a path must start with '/'");
//: A path entry of the document is not key/value pairs of operations (get, post, ...).
inline constexpr const char* OpenApiPathItemMapping =
    QT_TRANSLATE_NOOP("DomainMessage", "must be a mapping of operations");
//: A warning: a "$ref" in the document's paths is not followed.
inline constexpr const char* OpenApiPathItemRef =
    QT_TRANSLATE_NOOP("DomainMessage", "path item references are not followed; skipped");
inline constexpr const char* OpenApiUnknownField =
    QT_TRANSLATE_NOOP("DomainMessage", "unknown field");
inline constexpr const char* OpenApiOperationMapping =
    QT_TRANSLATE_NOOP("DomainMessage", "an operation must be a mapping");
inline constexpr const char* OpenApiDuplicateOperation = QT_TRANSLATE_NOOP(
    "DomainMessage", "the same operation as another path (only parameter names differ)");
//: A warning; %1 is the parameter name from the document.
inline constexpr const char* OpenApiKeyParameterRule =
    QT_TRANSLATE_NOOP("DomainMessage", "'%1' cannot be a key query parameter (1-64 of A-Z a-z "
                                       "0-9 . _ ~ -); keys are accepted in headers only");
//: A warning; %1 is the parameter name that is used.
inline constexpr const char* OpenApiOneKeyParameter =
    QT_TRANSLATE_NOOP("DomainMessage", "only one key query parameter is supported; '%1' is used");
//: %1 is the YAML parser's own reason (English).
inline constexpr const char* OpenApiNotYamlOrJson =
    QT_TRANSLATE_NOOP("DomainMessage", "not valid YAML or JSON: %1");
inline constexpr const char* OpenApiNotMapping =
    QT_TRANSLATE_NOOP("DomainMessage", "the document must be a mapping");
inline constexpr const char* OpenApiSwagger = QT_TRANSLATE_NOOP(
    "DomainMessage", "Swagger 2.0 is not supported; convert it to OpenAPI 3 first");
//: %1 is the "openapi" version the document gives.
inline constexpr const char* OpenApiVersionUnsupported =
    QT_TRANSLATE_NOOP("DomainMessage", "version '%1' is not supported (3.0 or 3.1)");
//: A warning: the document describes no operation the gateway could route.
inline constexpr const char* OpenApiNoOperations =
    QT_TRANSLATE_NOOP("DomainMessage", "no operations to route");
inline constexpr const char* OpenApiNoDocument =
    QT_TRANSLATE_NOOP("DomainMessage", "no OpenAPI document");
//: %1 is the YAML parser's own reason (English).
inline constexpr const char* OpenApiUnreadable =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot read the document: %1");

// --- An API's cache policy (the keys are those of the configuration file) ---

//: %1 says what was given instead (English, e.g. "a sequence").
inline constexpr const char* CacheExpectedDuration =
    QT_TRANSLATE_NOOP("DomainMessage", "expected a duration such as 30s, 10m or 1h, got %1");
//: %1 is a duration, e.g. 1500ms.
inline constexpr const char* CacheNotWholeSeconds =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 is not a whole number of seconds");
//: %1 is a duration, %2 the longest allowed (8760h).
inline constexpr const char* CacheDurationRange =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 is out of range (1s to %2)");
inline constexpr const char* CacheStatusesEmpty = QT_TRANSLATE_NOOP(
    "DomainMessage", "must not be empty (omit statuses for the RFC 9110 defaults)");
//: %1 is an HTTP status code (206 or 304).
inline constexpr const char* CacheStatusNotStorable = QT_TRANSLATE_NOOP(
    "DomainMessage", "status %1 cannot be cached on its own (a partial or a validation response)");
//: %1 is an HTTP status code.
inline constexpr const char* CacheDuplicateStatus =
    QT_TRANSLATE_NOOP("DomainMessage", "duplicate status %1");
inline constexpr const char* CacheParameterMissing =
    QT_TRANSLATE_NOOP("DomainMessage", "must name a parameter ('utm_*' ignores a prefix)");
//: %1 is a query parameter pattern as typed.
inline constexpr const char* CacheWildcardNotAtEnd =
    QT_TRANSLATE_NOOP("DomainMessage", "'%1': '*' is only allowed at the end");
//: %1 is a query parameter name as typed.
inline constexpr const char* CacheNotAParameterName =
    QT_TRANSLATE_NOOP("DomainMessage", "'%1' is not a query parameter name");
//: default_ttl and max_ttl are keys of the cache policy; keep them as they are.
inline constexpr const char* CacheDefaultAboveMax =
    QT_TRANSLATE_NOOP("DomainMessage", "default_ttl is longer than max_ttl");
//: override_upstream and default_ttl are keys of the cache policy; keep them as they are.
inline constexpr const char* CacheOverrideNeedsDefault =
    QT_TRANSLATE_NOOP("DomainMessage", "override_upstream needs a default_ttl");
//: %1 is the eviction given; lru and tiny_lfu are values of the configuration file.
inline constexpr const char* CacheUnknownEviction =
    QT_TRANSLATE_NOOP("DomainMessage", "unknown eviction '%1' (expected lru or tiny_lfu)");
//: %1 is the JSON parser's own reason (English).
inline constexpr const char* CachePolicyUnreadable =
    QT_TRANSLATE_NOOP("DomainMessage", "cachePolicy: %1");

// --- Values of configuration documents (the cache policy is one) ---

//: %1 says what was given instead (English, e.g. "a sequence", "'abc'").
inline constexpr const char* ConfigExpectedMapping =
    QT_TRANSLATE_NOOP("DomainMessage", "expected a mapping, got %1");
//: %1 says what was given instead (English, e.g. "a mapping", "'abc'").
inline constexpr const char* ConfigExpectedSequence =
    QT_TRANSLATE_NOOP("DomainMessage", "expected a sequence, got %1");
//: %1 says what was given instead (English, e.g. "a sequence").
inline constexpr const char* ConfigExpectedString =
    QT_TRANSLATE_NOOP("DomainMessage", "expected a string, got %1");
//: %1 says what was given instead (English, e.g. "'yes'").
inline constexpr const char* ConfigExpectedBool =
    QT_TRANSLATE_NOOP("DomainMessage", "expected true or false, got %1");
//: %1 says what was given instead (English, e.g. "the string \"200\"").
inline constexpr const char* ConfigExpectedWholeNumber =
    QT_TRANSLATE_NOOP("DomainMessage", "expected a whole number, got %1");
//: %1 is the number given, %2 and %3 the smallest and largest allowed.
inline constexpr const char* ConfigNumberRange =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 is out of range (%2 to %3)");
//: %1 says what was given instead (English, e.g. "a sequence").
inline constexpr const char* ConfigExpectedSize =
    QT_TRANSLATE_NOOP("DomainMessage", "expected a size such as 16KiB or 8MiB, got %1");
//: %1 is the size given in bytes, %2 and %3 the smallest and largest allowed.
inline constexpr const char* ConfigSizeRange =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 bytes is out of range (%2 to %3 bytes)");
//: %1 says what was given instead (English, e.g. "a sequence").
inline constexpr const char* ConfigFieldNameNotString =
    QT_TRANSLATE_NOOP("DomainMessage", "field names must be strings, got %1");
//: %1 is the field name given, %2 the known one it is most like.
inline constexpr const char* ConfigUnknownFieldDidYouMean =
    QT_TRANSLATE_NOOP("DomainMessage", "unknown field '%1' (did you mean '%2'?)");
//: %1 is the field name given, %2 the list of known ones.
inline constexpr const char* ConfigUnknownFieldExpected =
    QT_TRANSLATE_NOOP("DomainMessage", "unknown field '%1' (expected one of: %2)");
//: %1 is a field name, %2 a line number.
inline constexpr const char* ConfigDuplicateField =
    QT_TRANSLATE_NOOP("DomainMessage", "duplicate field '%1' (first given at line %2)");
//: %1 is a number; said after the problems that are shown.
inline constexpr const char* ConfigMoreProblems =
    QT_TRANSLATE_NOOP("DomainMessage", "%1 more problems not shown");

// --- Workspace files (applied from the console's demo, the admin API and the command line) ---

//: %1 is the character offset in the file, %2 the JSON parser's own reason (English).
inline constexpr const char* WorkspaceNotJson = QT_TRANSLATE_NOOP("DomainMessage", "offset %1: %2");
//: "gatehouse" and "workspace" are a key and a value of the file; keep them as they are.
inline constexpr const char* WorkspaceKind =
    QT_TRANSLATE_NOOP("DomainMessage", "gatehouse: must be \"workspace\"");
//: "version" is a key of the file; %1 is the format version (a number).
inline constexpr const char* WorkspaceFormatVersion =
    QT_TRANSLATE_NOOP("DomainMessage", "version: must be %1");
// The same words as OpenAPI's.
inline constexpr const char* WorkspaceMustBeString = OpenApiMustBeString;
//: "owner" and "member" are values of the file; keep them as they are.
inline constexpr const char* WorkspaceRoleRule =
    QT_TRANSLATE_NOOP("DomainMessage", "owner or member");
//: "team" and "organisation" are values of the file; keep them as they are.
inline constexpr const char* WorkspaceVisibilityRule =
    QT_TRANSLATE_NOOP("DomainMessage", "team or organisation");
inline constexpr const char* WorkspaceBalancingRule =
    QT_TRANSLATE_NOOP("DomainMessage", "not a balancing policy");
inline constexpr const char* WorkspaceAuthModeRule =
    QT_TRANSLATE_NOOP("DomainMessage", "not an auth mode");
//: The states are values of the file; keep them as they are.
inline constexpr const char* WorkspaceStateRule =
    QT_TRANSLATE_NOOP("DomainMessage", "draft, published, deprecated or retired");
//: "automatic" and "manual" are values of the file; keep them as they are.
inline constexpr const char* WorkspaceApprovalModeRule =
    QT_TRANSLATE_NOOP("DomainMessage", "automatic or manual");
//: %1 is an API's place in the file (e.g. "apis[1]", not translated), %2 the catalog's problem
//: with one of its fields, e.g. "routes[0].path: must start with '/'".
inline constexpr const char* WorkspaceFieldOf = QT_TRANSLATE_NOOP("DomainMessage", "%1.%2");
//: %1 is a user name from the file.
inline constexpr const char* WorkspaceNoUser = QT_TRANSLATE_NOOP("DomainMessage", "no user '%1'");
//: %1 is a team name from the file.
inline constexpr const char* WorkspaceNoTeam = QT_TRANSLATE_NOOP("DomainMessage", "no team '%1'");
//: %1 is an API as slug@version.
inline constexpr const char* WorkspaceSuccessorMissing =
    QT_TRANSLATE_NOOP("DomainMessage", "'%1' is not in the file");
//: %1 and %2 are lifecycle states, messages of their own ("published").
inline constexpr const char* WorkspaceStateBackwards =
    QT_TRANSLATE_NOOP("DomainMessage", "cannot move from %1 back to %2");

} // namespace gatehouse::app::msg
