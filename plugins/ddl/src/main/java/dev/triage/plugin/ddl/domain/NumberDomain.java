package dev.triage.plugin.ddl.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The values a number type (or YEAR) can hold, as the conversion rules compare them.
 *
 * @param min the smallest value
 * @param max the largest value
 * @param scale the number of fraction digits kept exactly (-1 for floating point)
 * @param digits the significant decimal digits kept exactly
 * @param exact false for FLOAT and DOUBLE
 */
record NumberDomain(BigDecimal min, BigDecimal max, int scale, int digits, boolean exact) {

    private static final BigDecimal FLOAT_MAX = new BigDecimal("3.402823466E+38");
    private static final BigDecimal DOUBLE_MAX = new BigDecimal("1.7976931348623157E+308");
    /** Significant digits that survive a round trip through FLOAT and DOUBLE. */
    static final int FLOAT_DIGITS = 6;
    static final int DOUBLE_DIGITS = 15;

    static NumberDomain of(SqlType t) {
        return switch (t.family()) {
            case INTEGER -> {
                int bits = (int) t.length();
                BigInteger max = t.unsigned() ? BigInteger.TWO.pow(bits).subtract(BigInteger.ONE)
                        : BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
                BigInteger min = t.unsigned() ? BigInteger.ZERO : BigInteger.TWO.pow(bits - 1).negate();
                yield new NumberDomain(new BigDecimal(min), new BigDecimal(max), 0, max.toString().length(), true);
            }
            case DECIMAL -> {
                int p = (int) t.length();
                int s = Math.max(0, t.scale());
                BigDecimal max = BigDecimal.TEN.pow(p - s).subtract(BigDecimal.ONE.movePointLeft(s));
                yield new NumberDomain(t.unsigned() ? BigDecimal.ZERO : max.negate(), max, s, p, true);
            }
            case FLOAT -> {
                boolean single = t.name().equals("FLOAT");
                BigDecimal max = single ? FLOAT_MAX : DOUBLE_MAX;
                int digits = single ? FLOAT_DIGITS : DOUBLE_DIGITS;
                if (t.scale() >= 0) {
                    max = max.min(BigDecimal.TEN.pow((int) t.length() - t.scale()));
                    digits = Math.min(digits, (int) t.length());
                }
                yield new NumberDomain(t.unsigned() ? BigDecimal.ZERO : max.negate(), max, t.scale(), digits, false);
            }
            case YEAR -> new NumberDomain(BigDecimal.ZERO, BigDecimal.valueOf(2155), 0, 4, true);
            default -> throw new IllegalArgumentException("not a number type: " + t.display());
        };
    }

    /**
     * Returns the longest text the values print as, sign and decimal point included.
     *
     * @return characters
     */
    int width() {
        if (!exact) {
            return digits == DOUBLE_DIGITS ? 24 : 12;
        }
        if (scale == 0) {
            return Math.max(min.toPlainString().length(), max.toPlainString().length());
        }
        return digits + 1 + (min.signum() < 0 ? 1 : 0) + (digits == scale ? 1 : 0);
    }
}
