package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit of the call history: every call is committed before its thread goes on; a bad row loses no other. */
class CdrWriterTest {
    private JdbcTemplate jdbc;
    private CdrWriter writer;

    @BeforeEach
    void setUp() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cdr-writer-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(ds);
        // the columns of V20__call_record.sql, without the tenant foreign key
        jdbc.execute("""
                CREATE TABLE call_record (id VARCHAR(36) PRIMARY KEY, tenant_id BIGINT NOT NULL,
                    caller VARCHAR(64) NOT NULL, dialled VARCHAR(128) NOT NULL, callee VARCHAR(64) NOT NULL,
                    started_at TIMESTAMP WITH TIME ZONE NOT NULL, answered_at TIMESTAMP WITH TIME ZONE,
                    ended_at TIMESTAMP WITH TIME ZONE NOT NULL, duration_seconds BIGINT NOT NULL,
                    result VARCHAR(16) NOT NULL, sip_status INT NOT NULL, ended_by VARCHAR(16) NOT NULL,
                    transfers VARCHAR(1024) NOT NULL)""");
        writer = new CdrWriter(new CdrStore(JdbcClient.create(ds), jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
        writer.start();
    }

    @AfterEach
    void tearDown() {
        writer.stop();
    }

    private static CallRecord record(String id) {
        Instant start = Instant.parse("2026-11-27T08:00:00Z");
        return new CallRecord(id, 1, "1000", "1001", Optional.of("1001"), start, Optional.of(start.plusSeconds(2)),
                start.plusSeconds(10), CallResult.ANSWERED, 200, "caller", List.of());
    }

    private int rows(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE id = ?", Integer.class, id);
    }

    @Test
    void everyCallEndingAtOnceIsCommittedBeforeItsThreadGoesOn() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<String> missing = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 200; i++) {
            String id = "call-" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                writer.onEnded(record(id));
                if (rows(id) != 1) { // read right after: the writer must have committed it already
                    missing.add(id);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(missing).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_record", Integer.class)).isEqualTo(200);
    }

    @Test
    void aRecordThatCannotBeStoredLosesNoOtherOfItsBatch() throws InterruptedException {
        writer.onEnded(record("dup"));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = i == 25 ? "dup" : "ok-" + i; // a second row with the same key fails
            threads.add(Thread.ofVirtual().start(() -> writer.onEnded(record(id))));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE id LIKE 'ok-%'", Integer.class))
                .isEqualTo(49);
        assertThat(rows("dup")).isEqualTo(1);
    }

    @Test
    void aCallEndingWhileTheWriterIsFarBehindWritesItsOwnRow() throws InterruptedException {
        writer.stop();
        var stuck = new CountDownLatch(1); // the writer thread is in its transaction
        var gate = new CountDownLatch(1); // ... and stays there: a stalled database
        var real = new DataSourceTransactionManager(jdbc.getDataSource());
        var stalled = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                if (Thread.currentThread().getName().equals("cdr-writer")) {
                    stuck.countDown();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.getTransaction(definition);
            }

            @Override
            public void commit(TransactionStatus status) {
                real.commit(status);
            }

            @Override
            public void rollback(TransactionStatus status) {
                real.rollback(status);
            }
        };
        writer = new CdrWriter(new CdrStore(JdbcClient.create(jdbc.getDataSource()), jdbc),
                new TransactionTemplate(stalled));
        writer.start();
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofVirtual().start(() -> writer.onEnded(record("first"))));
        assertThat(stuck.await(30, TimeUnit.SECONDS)).isTrue();
        // the writer holds "first"; the queue takes QUEUE_CAPACITY more; the last 10 calls find no room
        var returned = new CountDownLatch(10);
        List<String> notCommitted = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < CdrWriter.QUEUE_CAPACITY + 10; i++) {
            String id = "call-" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                writer.onEnded(record(id));
                if (gate.getCount() == 1 && rows(id) != 1) { // returned while the writer is stalled: its own row
                    notCommitted.add(id);
                }
                returned.countDown();
            }));
        }
        assertThat(returned.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(notCommitted).isEmpty();
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_record", Integer.class))
                .isEqualTo(CdrWriter.QUEUE_CAPACITY + 11);
    }

    @Test
    void writesOnTheCallersThreadWhenStopped() {
        writer.stop();
        writer.onEnded(record("late"));
        assertThat(rows("late")).isEqualTo(1);
    }
}
