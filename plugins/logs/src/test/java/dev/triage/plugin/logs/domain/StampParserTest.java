package dev.triage.plugin.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StampParserTest {

    private static String parse(String line, String zone) {
        StampParser.Parsed p = new StampParser.Parsed();
        StampParser.Kind k = StampParser.parseAny(line, p);
        if (k == null) {
            return "none";
        }
        long us = StampParser.epochMicros(p, ZoneId.of(zone), 2026);
        return k + " " + Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-01T10:15:00.123456Z 0 [ERROR] [MY-012345] x|UTC|ISO 2026-03-01T10:15:00.123456Z",
        "2026-03-01 10:15:00 0 [Note] x|+08:00|ISO 2026-03-01T02:15:00Z",
        "2026-11-23  8:44:24 0 [Note] x|UTC|ISO 2026-11-23T08:44:24Z",
        "[2026/03/01 18:15:00.123 +08:00] [WARN] [session.go:1] x|UTC|ISO 2026-03-01T10:15:00.123Z",
        "12345:M 01 Mar 2026 10:15:00.123 # x|UTC|REDIS 2026-03-01T10:15:00.123Z",
        "4961:M 30 May 12:50:13.457 * x|UTC|REDIS 2026-05-30T12:50:13.457Z",
        "[2932] 31 May 04:32:08 * x|UTC|REDIS 2026-05-31T04:32:08Z",
        "[2026-03-01 10:15:00,123] INFO x (kafka.server.ReplicaManager)|Asia/Shanghai|ISO 2026-03-01T02:15:00.123Z",
        "Mar  1 10:15:00 db kernel: x|UTC|SYSLOG 2026-03-01T10:15:00Z",
        "Apr 4 03:39:57 --- last message repeated|UTC|SYSLOG 2026-04-04T03:39:57Z",
        "1772360100 something|UTC|EPOCH 2026-03-01T10:15:00Z",
        "1772360100123 something|UTC|EPOCH 2026-03-01T10:15:00.123Z",
        "080721  3:04:00 [Warning] option|UTC|MYSQL_OLD 2008-07-21T03:04:00Z",
        "1986-04-26T01:23:45.101+0400 host x|UTC|ISO 1986-04-25T21:23:45.101Z",
        "[2026-11-23T08:41:11.060+0000][gc] Using G1|UTC|ISO 2026-11-23T08:41:11.060Z",
        "4961:signal-handler (1496141561) Received SIGINT|UTC|REDIS 2017-05-30T10:52:41Z",
        "\tat com.example.Foo.bar(Foo.java:12)|UTC|none",
        "InnoDB: many active transactions|UTC|none",
    })
    void readsEveryShape(String line, String zone, String expected) {
        assertThat(parse(line, zone)).isEqualTo(expected);
    }

    @Test
    void yearLessStampsMoveToTheNextYearWhenDecemberWrapsToJanuary() {
        LineClassifier c = new LineClassifier(List.of(StampParser.Kind.SYSLOG), ZoneId.of("UTC"), 2025);
        assertThat(c.startsEntry("Dec 31 23:59:59 h x")).isTrue();
        assertThat(Instant.ofEpochSecond(c.micros() / 1_000_000)).isEqualTo("2025-12-31T23:59:59Z");
        assertThat(c.startsEntry("Jan  1 00:00:01 h x")).isTrue();
        assertThat(Instant.ofEpochSecond(c.micros() / 1_000_000)).isEqualTo("2026-01-01T00:00:01Z");
    }

    @Test
    void findsLevels() {
        assertThat(LineClassifier.findLevel("0 [Warning] [MY-1] x", 0)).isEqualTo(LogLevel.WARN);
        assertThat(LineClassifier.findLevel(" [WARN ] [kafka-request-handler-7] x", 0)).isEqualTo(LogLevel.WARN);
        assertThat(LineClassifier.findLevel(" db-host-01 kernel: [error] EXT4-fs", 0)).isEqualTo(LogLevel.ERROR);
        assertThat(LineClassifier.findLevel(" ERROR [http-nio-8080-exec-1] c.e.shop", 0)).isEqualTo(LogLevel.ERROR);
        assertThat(LineClassifier.findLevel(" localhost sudo: error reading", 0)).isEqualTo(LogLevel.UNKNOWN);
    }

    @Test
    void detectsEncodings() {
        assertThat(EncodingDetector.detect("plain ascii\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo("UTF-8");
        assertThat(EncodingDetector.detect("订单服务: 支付回调超时\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("UTF-8");
        assertThat(EncodingDetector.detect("订单服务: 支付回调超时\n".getBytes(java.nio.charset.Charset.forName("GBK")))).isEqualTo("GBK");
        byte[] le = "\uFEFFhello\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(EncodingDetector.detect(le)).isEqualTo("UTF-16LE");
        assertThat(EncodingDetector.detect("caf\u00e9 cr\u00e8me\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).isEqualTo("ISO-8859-1");
    }
}
