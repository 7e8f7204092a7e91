package dev.triage.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    private final DefaultTaskExecutor executor = new DefaultTaskExecutor(1);

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void runsOffTheCallerWithProgressAndResult() throws Exception {
        var messages = new LinkedBlockingQueue<String>();
        TaskHandle<String> h = executor.submit("count", ctx -> {
            for (int i = 1; i <= 4; i++) {
                ctx.progress(i / 4.0, "step " + i);
            }
            return Thread.currentThread().getName();
        });
        h.onChange(t -> messages.add(t.state() + " " + t.message()));
        assertThat(h.result().get(10, TimeUnit.SECONDS)).startsWith("triage-task-");
        assertThat(h.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(h.fraction()).isEqualTo(1.0);
        assertThat(h.message()).isEqualTo("step 4");
    }

    @Test
    void cancelStopsARunningTaskAndQueuedOnesNeverStart() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        TaskHandle<Void> blocker = executor.submit("block", ctx -> {
            running.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(5);
            }
        });
        TaskHandle<String> queued = executor.submit("queued", ctx -> "ran");
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.active()).hasSize(2);
        queued.cancel();
        blocker.cancel();
        assertThatThrownBy(() -> blocker.result().get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(blocker.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(queued.state()).isEqualTo(TaskState.CANCELLED);
        assertThatThrownBy(() -> queued.result().get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingAFinishingTaskNeverInterruptsTheNextOne() throws Exception {
        int interrupted = 0;
        for (int i = 0; i < 3_000; i++) {
            TaskHandle<Integer> first = executor.submit("first", ctx -> 1);
            TaskHandle<Boolean> next = executor.submit("next", ctx -> {
                long end = System.nanoTime() + 100_000;
                while (System.nanoTime() < end) {
                    if (Thread.currentThread().isInterrupted()) {
                        return true;
                    }
                }
                return false;
            });
            first.cancel();
            if (Boolean.TRUE.equals(next.result().get(10, TimeUnit.SECONDS))) {
                interrupted++;
            }
        }
        assertThat(interrupted).as("tasks interrupted by another task's cancel").isZero();
    }

    @Test
    void submittingAfterCloseCancelsTheTaskInsteadOfThrowing() {
        executor.close();
        TaskHandle<String> late = executor.submit("late", ctx -> "ran");
        assertThat(late.state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void failureIsKeptAsTheResult() {
        TaskHandle<Object> h = executor.submit("fail", ctx -> {
            throw new java.io.IOException("disk gone");
        });
        assertThatThrownBy(() -> h.result().get(10, TimeUnit.SECONDS)).hasRootCauseMessage("disk gone");
        assertThat(h.state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void submitListenersSeeEveryTask() throws Exception {
        var seen = new LinkedBlockingQueue<String>();
        executor.onSubmit(h -> seen.add(h.name()));
        executor.submit("named", ctx -> 1).result().get(10, TimeUnit.SECONDS);
        assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("named");
    }
}
