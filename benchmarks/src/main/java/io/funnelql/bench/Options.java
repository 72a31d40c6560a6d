package io.funnelql.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A subcommand's options: {@code --name value} pairs and {@code --flag}s, checked against what it takes. */
final class Options {

    /** A command line the harness cannot run; the message says why. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    /**
     * @param valued the options that take a value ({@code --rows})
     * @param flags the options that take none ({@code --keep})
     * @throws UsageException for an unknown option or one without its value
     */
    static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (flags.contains(name)) {
                options.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                options.values.put(name, args.get(++i));
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return options;
    }

    /** A count such as {@code 10000000} or {@code 10_000_000}, at least {@code min}. */
    long count(String name, long defaultValue, long min) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got " + value);
        }
        if (parsed < min) {
            throw new UsageException(name + " must be at least " + min + ", got " + value);
        }
        return parsed;
    }

    int smallCount(String name, int defaultValue, int min) {
        return Math.toIntExact(count(name, defaultValue, min));
    }

    @Nullable String text(String name) {
        return values.get(name);
    }

    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }
}
