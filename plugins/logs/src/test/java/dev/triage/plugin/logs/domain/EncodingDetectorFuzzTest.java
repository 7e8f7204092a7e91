package dev.triage.plugin.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.util.Set;

/** Any bytes: the encoding detector names a known charset that decodes them, and honours marks and plain ASCII (issue 12). */
class EncodingDetectorFuzzTest {

    private static final Set<String> NAMES = Set.of("UTF-8", "UTF-16LE", "UTF-16BE", "GBK", "ISO-8859-1");

    @FuzzTest(maxDuration = "60s")
    void detectsAKnownCharsetThatDecodesTheBytes(byte[] head) throws Exception {
        String name = EncodingDetector.detect(head);
        assertThat(NAMES).contains(name);
        // decoding with the charset never fails (malformed input is replaced, as the line reader does)
        String text = EncodingDetector.charset(name).newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(head)).toString();
        assertThat(text).isNotNull();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            assertThat(name).as("a UTF-8 mark").isEqualTo("UTF-8");
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            assertThat(name).as("a UTF-16LE mark").isEqualTo("UTF-16LE");
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            assertThat(name).as("a UTF-16BE mark").isEqualTo("UTF-16BE");
        } else if (asciiText(head)) {
            assertThat(name).as("plain ASCII text").isEqualTo("UTF-8");
        }
        if (name.equals("ISO-8859-1") || name.equals("GBK")) {
            // only chosen when the bytes are not valid UTF-8
            assertThat(strictUtf8(head)).as("valid UTF-8 is read as UTF-8, not " + name).isFalse();
        }
    }

    private static boolean asciiText(byte[] b) {
        for (byte x : b) {
            if (x <= 0 || x == 0x7f) {
                return false;
            }
        }
        return b.length > 0;
    }

    private static boolean strictUtf8(byte[] b) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
