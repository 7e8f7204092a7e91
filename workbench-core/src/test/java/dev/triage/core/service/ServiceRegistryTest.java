package dev.triage.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceRegistryTest {

    @Test
    void registersFindsAndUnregistersByHandle() {
        ServiceRegistry r = new DefaultServiceRegistry();
        Registration first = r.register(CharSequence.class, "one");
        Registration second = r.register(CharSequence.class, "two");
        r.register(CharSequence.class, "one");
        assertThat(r.find(CharSequence.class)).contains("one");
        assertThat(r.findAll(CharSequence.class)).containsExactly("one", "two", "one");
        first.close();
        first.close();
        assertThat(r.findAll(CharSequence.class)).containsExactly("two", "one");
        second.close();
        assertThat(r.findAll(Runnable.class)).isEmpty();
    }

    @Test
    void refusesAnInstanceOfTheWrongType() {
        ServiceRegistry r = new DefaultServiceRegistry();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> raw = (Class) Runnable.class;
        assertThatThrownBy(() -> r.register(raw, "not runnable")).hasMessageContaining("is not a java.lang.Runnable");
    }
}
