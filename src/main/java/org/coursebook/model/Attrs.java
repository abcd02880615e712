package org.coursebook.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The attributes an author gave an element ({@code {#id .class}} in Markdown, or in raw HTML), already sanitised:
 * an immutable, ordered map from attribute name to value. Attributes that a node type holds as fields (a link's
 * target, an image's source) are not repeated here.
 */
public record Attrs(Map<String, String> map) {
    public static final Attrs NONE = new Attrs(Map.of());

    public Attrs {
        map = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** The value of {@code name}, or "" when absent. */
    public String get(String name) {
        return map.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return map.containsKey(name);
    }

    /** These attributes with {@code name} set to {@code value} (at its old place, or last). */
    public Attrs with(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(map);
        m.put(name, value);
        return new Attrs(m);
    }

    /** These attributes followed by {@code more}'s (whose values win where both have one). */
    public Attrs withAll(Attrs more) {
        Map<String, String> m = new LinkedHashMap<>(map);
        m.putAll(more.map);
        return new Attrs(m);
    }

    public Attrs without(String name) {
        if (!map.containsKey(name)) return this;
        Map<String, String> m = new LinkedHashMap<>(map);
        m.remove(name);
        return new Attrs(m);
    }

    public boolean hasClass(String cls) {
        return Arrays.asList(get("class").split("\\s+")).contains(cls);
    }

    /** These attributes with {@code cls} added to the class list (once). */
    public Attrs withClass(String cls) {
        if (hasClass(cls)) return this;
        String old = get("class").strip();
        return with("class", old.isEmpty() ? cls : old + " " + cls);
    }

    /** These attributes without {@code cls} in the class list (and without the class attribute when it was the only one). */
    public Attrs withoutClass(String cls) {
        if (!hasClass(cls)) return this;
        String rest = String.join(" ", Arrays.stream(get("class").split("\\s+")).filter(c -> !c.isEmpty() && !c.equals(cls)).toList());
        return rest.isEmpty() ? without("class") : with("class", rest);
    }

    /** The id, or "" for none. */
    public String id() {
        return get("id");
    }

    public static Attrs of(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) m.put(namesAndValues[i], namesAndValues[i + 1]);
        return new Attrs(m);
    }
}
