// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_service.h"

#include <QTest>

#include <optional>
#include <type_traits>
#include <utility>

// For tests that drive the catalog as the console does: runs `work` on the
// storage thread through CatalogService::mutate() (so catalogChanged() is
// announced, as after any change) and waits, processing events, up to
// about five seconds for its result. Empty when none came.
template <typename Work>
auto callCatalog(gatehouse::app::CatalogService& catalog, QObject* context, Work work)
    -> std::optional<std::invoke_result_t<Work&, gatehouse::app::CatalogStore&>>
{
    using Result = std::invoke_result_t<Work&, gatehouse::app::CatalogStore&>;
    std::optional<Result> result;
    catalog.mutate(context, std::move(work), [&result](Result r) { result = std::move(r); });
    for (int i = 0; i < 1000 && !result; ++i)
        QTest::qWait(5);
    return result;
}
