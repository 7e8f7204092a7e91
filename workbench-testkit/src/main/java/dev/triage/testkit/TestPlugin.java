package dev.triage.testkit;

import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A configurable plugin for kernel tests: records its calls, and can throw or hang in any lifecycle step. */
public final class TestPlugin implements Plugin {

    /** What a lifecycle step does. */
    public enum Behaviour {
        /** Returns normally. */
        OK,
        /** Throws an IllegalStateException. */
        THROW,
        /** Blocks until interrupted. */
        HANG
    }

    /** Every call made on any TestPlugin, as {@code id:step}, in order. */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private final PluginDescriptor descriptor;
    private Behaviour onInit = Behaviour.OK;
    private Behaviour onStart = Behaviour.OK;
    private Behaviour onStop = Behaviour.OK;
    private PluginInit init = ctx -> { };
    private final CountDownLatch interrupted = new CountDownLatch(1);

    private TestPlugin(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /**
     * Starts building a test plugin.
     *
     * @param id the id
     * @param version the version text
     * @param requires requirement texts such as {@code a@[1.0,2.0)}
     * @return the plugin
     */
    public static TestPlugin of(String id, String version, String... requires) {
        return new TestPlugin(PluginDescriptor.of(id, "Test " + id, version, requires));
    }

    /**
     * Sets what init does.
     *
     * @param b the behaviour
     * @return this
     */
    public TestPlugin onInit(Behaviour b) {
        onInit = b;
        return this;
    }

    /**
     * Sets what start does.
     *
     * @param b the behaviour
     * @return this
     */
    public TestPlugin onStart(Behaviour b) {
        onStart = b;
        return this;
    }

    /**
     * Sets what stop does.
     *
     * @param b the behaviour
     * @return this
     */
    public TestPlugin onStop(Behaviour b) {
        onStop = b;
        return this;
    }

    /**
     * Adds registrations to make during init.
     *
     * @param body what init does with the context
     * @return this
     */
    public TestPlugin withInit(PluginInit body) {
        init = body;
        return this;
    }

    /**
     * Tells whether a hanging step was interrupted by the sandbox.
     *
     * @return true once interrupted
     */
    public boolean wasInterrupted() {
        return interrupted.getCount() == 0;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void init(PluginContext context) throws Exception {
        step("init", onInit);
        init.init(context);
    }

    @Override
    public void start() throws Exception {
        step("start", onStart);
    }

    @Override
    public void stop() throws Exception {
        step("stop", onStop);
    }

    private void step(String name, Behaviour b) throws InterruptedException {
        CALLS.add(descriptor.id() + ":" + name);
        switch (b) {
            case THROW -> throw new IllegalStateException(descriptor.id() + " broke in " + name);
            case HANG -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            default -> { }
        }
    }

    /** Registrations a test plugin makes in init. */
    @FunctionalInterface
    public interface PluginInit {

        /**
         * Runs during init.
         *
         * @param context the plugin context
         * @throws Exception to fail init
         */
        void init(PluginContext context) throws Exception;
    }
}
