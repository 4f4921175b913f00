package no.evidens.pipeline.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A length of time on the command line ({@code 30m}, {@code 2h}, {@code 1h30m}, {@code 90s}, {@code 2d}) and in the CLI's
 * lines ({@code 2 h 5 min}). Java's {@link Duration#parse} reads only ISO-8601 ({@code PT30M}), which an administrator does
 * not type; it is still taken, as Duration prints itself.
 */
final class Durations implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhd])");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            // picocli says this one as a usage error with the option's name, without the exception's class
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * {@code value} as a duration: one or more of a whole number and its unit ({@code s}, {@code m}, {@code h}, {@code d}),
     * or ISO-8601.
     *
     * @throws IllegalArgumentException naming the value and what is taken, when it is neither
     */
    static Duration parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException unreadable) {
                // said below, as any other
            }
        } else if (!v.isEmpty()) {
            Matcher m = PART.matcher(v);
            Duration d = Duration.ZERO;
            int at = 0;
            while (m.find() && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                at = m.end();
            }
            if (at == v.length()) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a length of time: give a number and its unit, s, m, h or d "
                + "(e.g. 30m, 2h, 1h30m)");
    }

    /** {@code d} in at most its two largest units, rounded down: {@code 2 d 3 h}, {@code 2 h 5 min}, {@code 3 min}, {@code 40 s}. */
    static String said(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long[] amounts = {s / 86_400, s / 3_600 % 24, s / 60 % 60, s % 60};
        String[] units = {"d", "h", "min", "s"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + " " + units[i]);
            } else if (!parts.isEmpty()) {
                break;
            }
        }
        return parts.isEmpty() ? "0 s" : String.join(" ", parts);
    }
}
