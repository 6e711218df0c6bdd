package org.backroom.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an audit entry says changed, from records or maps a feature already has: {@link #between} for an edit
 * (field-level {@code {"name": {"from": "Ann", "to": "Anne"}}}), {@link #of} for the values a record was created
 * with.
 *
 * <p>Fields that change on every write ({@code id}, {@code version}, {@code createdAt}, {@code updatedAt}) are left
 * out: they would make every entry look alike and say nothing a person did.
 */
public final class Changes {

	private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");

	private Changes() {
	}

	/** One field's value before and after an edit. */
	public record Change(@Nullable Object from, @Nullable Object to) {
	}

	/**
	 * The fields whose values differ between two records of the same type (or two maps), in field order. Amounts
	 * compare by value: {@code 10.0} and {@code 10.00} are the same. Unchanged fields are left out.
	 */
	public static Map<String, Change> between(Object before, Object after) {
		Map<String, @Nullable Object> from = fields(before);
		Map<String, @Nullable Object> to = fields(after);
		Map<String, Change> changed = new LinkedHashMap<>();
		for (String name : ordered(from, to)) {
			Object old = from.get(name);
			Object now = to.get(name);
			if (!same(old, now)) {
				changed.put(name, new Change(old, now));
			}
		}
		return changed;
	}

	/** The values a record was created with: every field that has one. */
	public static Map<String, Object> of(Object created) {
		Map<String, Object> values = new LinkedHashMap<>();
		fields(created).forEach((name, value) -> {
			if (value != null) {
				values.put(name, value);
			}
		});
		return values;
	}

	/** The fields of the first, then any only the second has: the order a person reads the record in. */
	private static Set<String> ordered(Map<String, @Nullable Object> from, Map<String, @Nullable Object> to) {
		Set<String> names = new LinkedHashSet<>(from.keySet());
		names.addAll(to.keySet());
		return names;
	}

	private static boolean same(@Nullable Object a, @Nullable Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		return Objects.equals(a, b);
	}

	private static Map<String, @Nullable Object> fields(Object value) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((name, field) -> put(fields, String.valueOf(name), field));
			return fields;
		}
		if (!value.getClass().isRecord()) {
			throw new IllegalArgumentException("Changes are read from records or maps, not " + value.getClass());
		}
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			put(fields, component.getName(), read(component, value));
		}
		return fields;
	}

	private static void put(Map<String, @Nullable Object> fields, String name, @Nullable Object value) {
		if (!BOOKKEEPING.contains(name)) {
			fields.put(name, value);
		}
	}

	private static @Nullable Object read(RecordComponent component, Object record) {
		try {
			var accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), ex);
		}
	}

}
