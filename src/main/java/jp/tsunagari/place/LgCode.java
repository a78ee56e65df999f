package jp.tsunagari.place;

/**
 * 全国地方公共団体コード: 2-digit prefecture + 3-digit JIS X 0402 + check digit.
 * Check digit: weights 6,5,4,3,2 on the first five digits; check = (11 − (sum mod 11)) mod 10.
 */
public final class LgCode {

    private LgCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 6 || !asciiDigits(code)) {
            return false;
        }
        return checkDigit(code.substring(0, 5)) == code.charAt(5) - '0';
    }

    /** A valid code whose form is right too: a prefecture's own code ({@code PP000C}) only for 01..47. */
    public static boolean isWellFormed(String code) {
        return isValid(code) && (!code.startsWith("000", 2) || isPrefectureCode(code.substring(0, 2)));
    }

    public static int checkDigit(String firstFive) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (firstFive.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }

    /**
     * For a prefecture's own 全国地方公共団体コード ({@code 430005} 熊本県: the prefecture code, {@code 000} and the check
     * digit), its 2-digit prefecture code; null for any other code.
     */
    public static String prefectureOf(String code) {
        return isValid(code) && code.startsWith("000", 2) && isPrefectureCode(code.substring(0, 2))
                ? code.substring(0, 2) : null;
    }

    /** True for a JIS X 0401 prefecture code, {@code 01}..{@code 47}. */
    public static boolean isPrefectureCode(String code) {
        if (code == null || code.length() != 2 || !asciiDigits(code)) {
            return false;
        }
        int n = Integer.parseInt(code);
        return n >= 1 && n <= 47;
    }

    private static boolean asciiDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
