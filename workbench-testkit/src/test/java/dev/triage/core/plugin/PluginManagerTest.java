package dev.triage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.kernel.Kernel;
import dev.triage.testkit.TestKernels;
import dev.triage.testkit.TestPlugin;
import dev.triage.testkit.TestPlugin.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginManagerTest {

    @TempDir
    Path home;
    private Kernel kernel;

    @BeforeEach
    void setUp() {
        TestPlugin.CALLS.clear();
        kernel = TestKernels.create(home, Duration.ofMillis(500));
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private PluginState state(String id) {
        return kernel.plugins().find(id).orElseThrow().state();
    }

    @Test
    void startsInDependencyOrderAndStopsInReverse() {
        kernel.plugins().add(TestPlugin.of("a", "1.0", "b"), null);
        kernel.plugins().add(TestPlugin.of("b", "1.0", "c"), null);
        kernel.plugins().add(TestPlugin.of("c", "1.0"), null);
        kernel.plugins().startAll();
        assertThat(TestPlugin.CALLS).containsExactly("c:init", "c:start", "b:init", "b:start", "a:init", "a:start");
        TestPlugin.CALLS.clear();
        kernel.plugins().stopAll();
        assertThat(TestPlugin.CALLS).containsExactly("a:stop", "b:stop", "c:stop");
        assertThat(state("a")).isEqualTo(PluginState.STOPPED);
    }

    @Test
    void missingOrIncompatibleDependencyFailsOnlyThatPlugin() {
        kernel.plugins().add(TestPlugin.of("fine", "1.0"), null);
        kernel.plugins().add(TestPlugin.of("orphan", "1.0", "ghost@[1.0,2.0)"), null);
        kernel.plugins().add(TestPlugin.of("picky", "1.0", "fine@[3.0,)"), null);
        kernel.plugins().startAll();
        assertThat(state("fine")).isEqualTo(PluginState.RUNNING);
        assertThat(kernel.plugins().find("orphan").orElseThrow().failure())
                .isEqualTo("Plugin 'orphan' requires plugin 'ghost' [1.0.0,2.0.0), which is not installed");
        assertThat(kernel.plugins().find("picky").orElseThrow().failure())
                .isEqualTo("Plugin 'picky' requires plugin 'fine' 3.0.0, but 'fine' is version 1.0.0");
    }

    @Test
    void pluginThatThrowsInInitFailsAndOthersRun() {
        kernel.plugins().add(TestPlugin.of("broken", "1.0").onInit(Behaviour.THROW), null);
        kernel.plugins().add(TestPlugin.of("dependent", "1.0", "broken"), null);
        kernel.plugins().add(TestPlugin.of("other", "1.0"), null);
        kernel.plugins().startAll();
        ManagedPlugin broken = kernel.plugins().find("broken").orElseThrow();
        assertThat(broken.state()).isEqualTo(PluginState.FAILED);
        assertThat(broken.failure()).contains("init of plugin 'broken' failed", "broken broke in init");
        assertThat(broken.failureCause()).get().isInstanceOf(IllegalStateException.class);
        assertThat(kernel.plugins().find("dependent").orElseThrow().failure())
                .startsWith("Plugin 'dependent' requires plugin 'broken', which is FAILED");
        assertThat(state("other")).isEqualTo(PluginState.RUNNING);
    }

    @Test
    void pluginThatHangsPastItsTimeoutFailsAndIsInterrupted() {
        TestPlugin hanger = TestPlugin.of("hanger", "1.0").onStart(Behaviour.HANG);
        kernel.plugins().add(hanger, null);
        kernel.plugins().add(TestPlugin.of("other", "1.0"), null);
        kernel.plugins().startAll();
        assertThat(state("hanger")).isEqualTo(PluginState.FAILED);
        assertThat(kernel.plugins().find("hanger").orElseThrow().failure())
                .isEqualTo("start of plugin 'hanger' did not finish within 500 ms");
        assertThat(state("other")).isEqualTo(PluginState.RUNNING);
        kernel.plugins().stopAll();
        assertThat(state("other")).isEqualTo(PluginState.STOPPED);
    }

    @Test
    void illegalTransitionIsRefusedWithAClearError() {
        kernel.plugins().add(TestPlugin.of("broken", "1.0").onInit(Behaviour.THROW), null);
        kernel.plugins().startAll();
        ManagedPlugin broken = kernel.plugins().find("broken").orElseThrow();
        assertThatThrownBy(() -> kernel.plugins().start(broken))
                .isInstanceOf(IllegalPluginStateException.class)
                .hasMessage("Plugin 'broken' cannot go from FAILED to RUNNING");
    }

    @Test
    void registrationsAreClosedWhenThePluginStops() throws Exception {
        kernel.plugins().add(TestPlugin.of("svc", "1.0").withInit(ctx -> {
            ctx.register(CharSequence.class, "hello");
            ctx.command(CommandSpec.of("svc.ping", "Ping", "Answers pong"), (a, c) -> "pong");
            ctx.subscribe(String.class, s -> { });
        }), null);
        kernel.plugins().startAll();
        assertThat(kernel.services().find(CharSequence.class)).contains("hello");
        assertThat(kernel.commands().execute("svc.ping", null, null)).isEqualTo("pong");
        kernel.plugins().stopAll();
        assertThat(kernel.services().find(CharSequence.class)).isEmpty();
        assertThat(kernel.commands().find("svc.ping")).isEmpty();
    }

    @Test
    void healthIsAskedInTheSandboxAndReportsNonRunningPluginsDown() {
        kernel.plugins().add(TestPlugin.of("ok", "1.0"), null);
        kernel.plugins().add(TestPlugin.of("broken", "1.0").onInit(Behaviour.THROW), null);
        kernel.plugins().startAll();
        assertThat(kernel.plugins().health(kernel.plugins().find("ok").orElseThrow())).isEqualTo(Health.up());
        Health down = kernel.plugins().health(kernel.plugins().find("broken").orElseThrow());
        assertThat(down.status()).isEqualTo(Health.Status.DOWN);
        assertThat(down.message()).startsWith("FAILED: init of plugin 'broken' failed");
    }

    @Test
    void aPluginThatOverrunsItsTimeoutCannotRegisterAfterItFailed() throws Exception {
        java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch triedToRegister = new java.util.concurrent.CountDownLatch(1);
        kernel.plugins().add(TestPlugin.of("slow", "1.0").withInit(ctx -> {
            while (failed.getCount() > 0) {
                Thread.onSpinWait(); // ignores interruption, as blocking I/O would
            }
            try {
                ctx.register(CharSequence.class, "left behind by a FAILED plugin");
            } finally {
                triedToRegister.countDown();
            }
        }), null);
        kernel.plugins().startAll();
        assertThat(state("slow")).isEqualTo(PluginState.FAILED);
        failed.countDown();
        assertThat(triedToRegister.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(kernel.services().find(CharSequence.class)).isEmpty();
    }

    @Test
    void aRestartedPluginIsInitialisedAgainAndKeepsItsServices() {
        kernel.plugins().add(TestPlugin.of("svc", "1.0").withInit(ctx -> ctx.register(CharSequence.class, "hello")), null);
        kernel.plugins().startAll();
        ManagedPlugin mp = kernel.plugins().find("svc").orElseThrow();
        kernel.plugins().stop(mp);
        assertThat(kernel.services().find(CharSequence.class)).isEmpty();
        assertThat(kernel.plugins().start(mp)).isTrue();
        assertThat(kernel.services().find(CharSequence.class)).contains("hello");
        assertThat(TestPlugin.CALLS).containsSubsequence("svc:init", "svc:start", "svc:stop", "svc:init", "svc:start");
    }

    @Test
    void aPluginWhoseStartFailsIsStoppedOnce() {
        kernel.plugins().add(TestPlugin.of("half", "1.0").onStart(Behaviour.THROW), null);
        kernel.plugins().startAll();
        assertThat(state("half")).isEqualTo(PluginState.FAILED);
        assertThat(TestPlugin.CALLS).containsExactly("half:init", "half:start", "half:stop");
    }

    @Test
    void aNullDescriptorFailsOnlyThatPlugin() {
        Plugin bad = new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return null;
            }

            @Override
            public void init(PluginContext context) {
            }
        };
        ManagedPlugin mp = kernel.plugins().add(bad, null);
        assertThat(mp.state()).isEqualTo(PluginState.FAILED);
        assertThat(mp.failure()).contains("descriptor() returned null");
        kernel.plugins().add(TestPlugin.of("fine", "1.0"), null);
        kernel.plugins().startAll();
        assertThat(state("fine")).isEqualTo(PluginState.RUNNING);
    }

    @Test
    void aPluginStartedWhileACaseIsOpenGetsItsTablesAtOnce() throws Exception {
        var c = kernel.cases().create(home.resolve("case"), "case");
        kernel.plugins().add(TestPlugin.of("late", "1.0").withInit(ctx -> ctx.register(
                dev.triage.core.cases.SchemaMigrations.class, dev.triage.core.cases.SchemaMigrations.of("late",
                        dev.triage.core.cases.Migration.sql(1, "t", "CREATE TABLE late_t (a INTEGER)")))), null);
        kernel.plugins().startAll();
        try (var conn = c.newConnection(); var st = conn.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'late_t'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void duplicateIdIsRefused() {
        kernel.plugins().add(TestPlugin.of("twin", "1.0"), null);
        ManagedPlugin second = kernel.plugins().add(TestPlugin.of("twin", "2.0"), null);
        assertThat(second.state()).isEqualTo(PluginState.FAILED);
        assertThat(second.failure()).contains("Plugin id 'twin' is provided twice");
    }

    @Test
    void stateChangesArePublishedOnTheBus() throws Exception {
        var seen = new java.util.concurrent.LinkedBlockingQueue<PluginStateChanged>();
        kernel.events().subscribe(PluginStateChanged.class, seen::add);
        kernel.plugins().add(TestPlugin.of("p", "1.0"), null);
        kernel.plugins().startAll();
        assertThat(seen.poll(5, java.util.concurrent.TimeUnit.SECONDS).to()).isEqualTo(PluginState.LOADED);
        assertThat(seen.poll(5, java.util.concurrent.TimeUnit.SECONDS).to()).isEqualTo(PluginState.INITIALIZED);
        assertThat(seen.poll(5, java.util.concurrent.TimeUnit.SECONDS).to()).isEqualTo(PluginState.RUNNING);
    }
}
