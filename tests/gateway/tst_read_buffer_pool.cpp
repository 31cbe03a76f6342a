// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The worker's pool of upstream read buffers: a buffer comes empty with
// room for a whole 64 KiB read, goes back for reuse after its exchange
// (the same storage next time, no allocation), at most max_idle are kept,
// and one that had to grow is freed instead of kept.
#include "gateway/read_buffer_pool.hpp"

#include <boost/asio/buffer.hpp>

#include <QtTest/QTest>

#include <vector>

using gatehouse::gateway::read_buffer_pool;

class TestReadBufferPool : public QObject {
    Q_OBJECT

private slots:
    void aNewBufferIsEmptyWithRoomForAWholeRead()
    {
        read_buffer_pool pool;
        auto buffer = pool.take();
        QCOMPARE(buffer.size(), std::size_t(0));
        QCOMPARE(buffer.capacity(), read_buffer_pool::buffer_size);
        QCOMPARE(pool.idle(), std::size_t(0));
    }

    void aReturnedBufferIsReusedEmpty()
    {
        read_buffer_pool pool;
        auto buffer = pool.take();
        const void* storage = buffer.prepare(100).data();
        buffer.commit(100);
        pool.give(std::move(buffer));
        QCOMPARE(pool.idle(), std::size_t(1));
        auto again = pool.take();
        QCOMPARE(pool.idle(), std::size_t(0));
        QCOMPARE(again.size(), std::size_t(0)); // what the last exchange left is gone
        QCOMPARE(again.prepare(100).data(), storage);
    }

    void atMostMaxIdleAreKept()
    {
        read_buffer_pool pool;
        std::vector<boost::beast::flat_buffer> lent;
        for (std::size_t i = 0; i < read_buffer_pool::max_idle + 5; ++i)
            lent.push_back(pool.take());
        for (auto& buffer : lent)
            pool.give(std::move(buffer));
        QCOMPARE(pool.idle(), read_buffer_pool::max_idle);
    }

    void aBufferThatGrewIsFreed()
    {
        read_buffer_pool pool;
        auto buffer = pool.take();
        buffer.commit(boost::asio::buffer_copy(
            buffer.prepare(read_buffer_pool::buffer_size + 1),
            boost::asio::buffer(std::vector<char>(read_buffer_pool::buffer_size + 1, 'x'))));
        QVERIFY(buffer.capacity() > read_buffer_pool::buffer_size);
        pool.give(std::move(buffer));
        QCOMPARE(pool.idle(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestReadBufferPool)
#include "tst_read_buffer_pool.moc"
