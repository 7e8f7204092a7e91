package dev.triage.plugin.slowlog.infrastructure;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a slow log on several threads while keeping file order: one thread splits lines into batches of records, a
 * pool reads the batches' records, and the caller takes the read batches in the order they were submitted. At most a
 * few batches are in flight, so memory stays bounded whatever the file's size.
 */
final class BatchPipeline implements AutoCloseable {

    /** Records split by the reader thread, and what the pool made of them. */
    static final class Batch {
        final List<EntryReader.Chunk> chunks = new ArrayList<>();
        final List<EntryReader.Problem> readerProblems = new ArrayList<>();
        long bytes;
        long bytesRead;
        long lines;
        boolean last;
        boolean mariaDbHeader;
        EntryReader.Output output;
    }

    /** The reader's work: split the input and {@link #submit} batches, the last one marked. */
    @FunctionalInterface
    interface Reader {
        void read() throws IOException, InterruptedException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final boolean keepAttributes;
    private final int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService pool = Executors.newFixedThreadPool(workers, r -> daemon(r, "slowlog-parse-"));
    private final BlockingQueue<Future<Batch>> queue = new ArrayBlockingQueue<>(workers + 2);
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread reader;

    BatchPipeline(boolean keepAttributes) {
        this.keepAttributes = keepAttributes;
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Starts the reader thread and returns the first batch's future. */
    Future<Batch> start(Reader work) throws IOException {
        reader = daemon(() -> {
            try {
                work.read();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException | Error e) {
                offer(CompletableFuture.failedFuture(e));
            }
        }, "slowlog-read-");
        reader.start();
        return next();
    }

    /** Called by the reader: hands a batch to the pool; blocks while enough batches are in flight. */
    void submit(Batch batch) throws InterruptedException {
        if (closed.get()) {
            throw new InterruptedException("parse stopped");
        }
        Future<Batch> read = pool.submit(() -> {
            batch.output = EntryReader.read(batch.chunks, batch.last, keepAttributes);
            batch.chunks.clear();
            return batch;
        });
        while (!queue.offer(read, 100, TimeUnit.MILLISECONDS)) {
            if (closed.get()) {
                throw new InterruptedException("parse stopped");
            }
        }
    }

    private void offer(Future<Batch> failure) {
        try {
            while (!closed.get() && !queue.offer(failure, 100, TimeUnit.MILLISECONDS)) {
                // the caller is still taking batches; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the next batch's future in submission order, waiting for the reader. */
    Future<Batch> next() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
    }

    /** Waits for a batch to be read and returns it, rethrowing the reader's or a worker's failure. */
    Batch take(Future<Batch> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (CancellationException e) {
            throw new InterruptedIOException("parse stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** Stops the reader and the pool; batches still in flight are dropped. */
    @Override
    public void close() {
        closed.set(true);
        pool.shutdownNow();
        queue.clear();
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
