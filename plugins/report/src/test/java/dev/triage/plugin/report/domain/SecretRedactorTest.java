package dev.triage.plugin.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void removesTheUsualShapesOfSecrets() {
        SecretRedactor r = SecretRedactor.shapesOnly();
        assertThat(r.redact("sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"k4fk@-s3cret\";"))
                .doesNotContain("k4fk@-s3cret").contains("username=\"app\"");
        assertThat(r.redact("CREATE USER 'a'@'%' IDENTIFIED BY 'Sup3r!pw'")).doesNotContain("Sup3r!pw");
        assertThat(r.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")).doesNotContain("eyJhbGciOiJIUzI1NiJ9");
        assertThat(r.redact("jdbc:mysql://root:topsecret@db1:3306/shop")).doesNotContain("topsecret").contains("db1:3306");
        assertThat(r.redact("AUTH default r3dis-pass")).doesNotContain("r3dis-pass");
        assertThat(r.redact("requirepass foobared-x")).doesNotContain("foobared-x");
        assertThat(r.redact("token: abc123def")).isEqualTo("token: " + SecretRedactor.MASK);
        assertThat(r.redact("mysql -uroot -pS3cret -h db1")).doesNotContain("S3cret");
        assertThat(r.redact("Query_time: 2.0 Lock_time: 0.1 passing")).isEqualTo("Query_time: 2.0 Lock_time: 0.1 passing");
    }

    @Test
    void removesKnownAndHashedValuesWherever_TheyStand() {
        SecretRedactor.SensitiveValue v = SecretRedactor.SensitiveValue.of("a1b2", "cust-4711-ssn");
        assertThat(v.toString()).doesNotContain("cust-4711-ssn");
        SecretRedactor r = new SecretRedactor(List.of("hunter2", " "), List.of(v));
        assertThat(r.redact("login hunter2 for xcust-4711-ssny, again cust-4711-ssn."))
                .isEqualTo("login " + SecretRedactor.MASK + " for x" + SecretRedactor.MASK + "y, again " + SecretRedactor.MASK + ".");
        assertThat(r.redact("nothing here")).isEqualTo("nothing here");
    }
}
