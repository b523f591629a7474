package com.laundryconnect.realtime.localdev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed command line: {@code --name value} (or {@code --name=value}) options and positional words. */
public final class Arguments {

    private final Map<String, String> options;
    private final List<String> positionals;

    private Arguments(Map<String, String> options, List<String> positionals) {
        this.options = options;
        this.positionals = positionals;
    }

    public static Arguments parse(String[] args, Set<String> optionNames) throws UsageException {
        Map<String, String> options = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!optionNames.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return new Arguments(Map.copyOf(options), List.copyOf(positionals));
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public int positiveIntOption(String name, int defaultValue) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new UsageException("option --" + name + " must be a positive whole number, not '" + value + "'");
    }

    public List<String> positionals() {
        return positionals;
    }

    /** The single optional positional word, for programs that take at most one. */
    public Optional<String> onlyPositional() throws UsageException {
        if (positionals.size() > 1) {
            throw new UsageException("unexpected argument '" + positionals.get(1) + "'");
        }
        return positionals.stream().findFirst();
    }
}
