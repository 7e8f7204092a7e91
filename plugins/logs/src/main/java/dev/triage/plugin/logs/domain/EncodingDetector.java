package dev.triage.plugin.logs.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses a log file's text encoding from its first bytes: a byte-order mark (UTF-8, UTF-16LE/BE), UTF-16 without a mark
 * (zero bytes in every other position), valid UTF-8 (plain ASCII included), valid GBK/GB18030 with Chinese characters,
 * else ISO-8859-1, which decodes any byte.
 */
public final class EncodingDetector {

    /** The GBK-compatible charset used to decode GBK files (a superset of GBK). */
    public static final String GB18030 = "GB18030";

    private EncodingDetector() {
    }

    /**
     * Guesses the encoding.
     *
     * @param head the first bytes of the (decompressed) file; the last character may be cut
     * @return a charset name: UTF-8, UTF-16LE, UTF-16BE, GBK or ISO-8859-1
     */
    public static String detect(byte[] head) {
        int n = head.length;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return "UTF-8";
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return "UTF-16LE";
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return "UTF-16BE";
        }
        int evenZero = 0;
        int oddZero = 0;
        boolean high = false;
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) {
                    evenZero++;
                } else {
                    oddZero++;
                }
            } else if (head[i] < 0) {
                high = true;
            }
        }
        if (n >= 4 && oddZero > n / 4 && evenZero < n / 50) {
            return "UTF-16LE";
        }
        if (n >= 4 && evenZero > n / 4 && oddZero < n / 50) {
            return "UTF-16BE";
        }
        if (!high || decodes(head, StandardCharsets.UTF_8)) {
            return "UTF-8";
        }
        if (decodes(head, Charset.forName(GB18030)) && chineseShare(head) > 0.5) {
            return "GBK";
        }
        return "ISO-8859-1";
    }

    /**
     * Returns the charset to decode a detected or user-given encoding name with (GBK is read as GB18030).
     *
     * @param name the encoding name
     * @return the charset
     */
    public static Charset charset(String name) {
        if (name.equalsIgnoreCase("GBK") || name.equalsIgnoreCase("GB2312")) {
            return Charset.forName(GB18030);
        }
        return Charset.forName(name);
    }

    /** Decodes strictly, forgiving only a character cut at the very end of the head. */
    private static boolean decodes(byte[] head, Charset cs) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int cut = 0; cut < 4 && cut < head.length; cut++) {
            try {
                d.reset();
                d.decode(ByteBuffer.wrap(head, 0, head.length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // Try again without the last bytes: the head may end inside a character.
            }
        }
        return false;
    }

    /** Share of two-byte sequences whose lead byte is in the GB2312 Hanzi rows (0xB0-0xF7) among all high lead bytes. */
    private static double chineseShare(byte[] head) {
        int hanzi = 0;
        int all = 0;
        for (int i = 0; i < head.length - 1; i++) {
            int b = head[i] & 0xff;
            if (b >= 0x81) {
                all++;
                if (b >= 0xB0 && b <= 0xF7) {
                    hanzi++;
                }
                i++;
            }
        }
        return all == 0 ? 0 : (double) hanzi / all;
    }
}
