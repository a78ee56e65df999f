package jp.tsunagari.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;

/** URL values of the channel and status filters: {@code channel=line}, {@code status=one-off}. */
public final class Codes {

    private Codes() {
    }

    public static String channel(Channel c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    public static String status(Lifecycle l) {
        return l.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Channel> channel(String code) {
        return Arrays.stream(Channel.values()).filter(c -> channel(c).equals(code)).findFirst();
    }

    public static Optional<Lifecycle> status(String code) {
        return Arrays.stream(Lifecycle.values()).filter(l -> status(l).equals(code)).findFirst();
    }
}
