package org.backroom.platform;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps each row to a record by its components' names, a {@code credit_allowed} column to {@code creditAllowed}, as
 * {@code JdbcClient.query(Record.class)} does, without its cost: Spring's mapper asks the result set for the column
 * {@code creditAllowed} first, and the driver answers each miss with an exception whose message it formats from a
 * resource bundle looked up through the class loader, for every such component of every row. A sale paid for eight,
 * an item picker for twenty. Here the columns are matched by label once per result set.
 *
 * @param <T> the record
 */
public final class RecordRows<T> implements RowMapper<T> {

	private static final Map<Class<?>, RecordRows<?>> MAPPERS = new ConcurrentHashMap<>();

	private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

	private final Class<T> type;

	private final Constructor<T> constructor;

	private final String[] names;

	private final TypeDescriptor[] types;

	/** The columns of the last result set mapped: most often the next row is of the same one. */
	private volatile @Nullable Columns last;

	/** Held weakly: the driver's metadata refers to its connection, which must not outlive the pool's use of it. */
	private record Columns(WeakReference<ResultSetMetaData> metaData, int[] indexes) {
	}

	private RecordRows(Class<T> type) {
		this.type = type;
		this.constructor = BeanUtils.getResolvableConstructor(type);
		this.names = BeanUtils.getParameterNames(constructor);
		this.types = new TypeDescriptor[names.length];
		for (int i = 0; i < names.length; i++) {
			types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
		}
	}

	/** The mapper of a record type, made once. */
	@SuppressWarnings("unchecked")
	public static <T> RecordRows<T> of(Class<T> type) {
		return (RecordRows<T>) MAPPERS.computeIfAbsent(type, RecordRows::new);
	}

	@Override
	public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
		int[] indexes = columns(rs.getMetaData());
		@Nullable Object[] values = new Object[names.length];
		for (int i = 0; i < names.length; i++) {
			values[i] = CONVERSIONS.convert(JdbcUtils.getResultSetValue(rs, indexes[i], types[i].getType()), types[i]);
		}
		return BeanUtils.instantiateClass(constructor, values);
	}

	private int[] columns(ResultSetMetaData metaData) throws SQLException {
		Columns known = last;
		if (known != null && known.metaData().get() == metaData) {
			return known.indexes();
		}
		int[] indexes = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			indexes[i] = find(metaData, names[i]);
		}
		last = new Columns(new WeakReference<>(metaData), indexes);
		return indexes;
	}

	/** The column labelled as the component, or with its name in snake case; either in any case. */
	private int find(ResultSetMetaData metaData, String name) throws SQLException {
		String underscored = JdbcUtils.convertPropertyNameToUnderscoreName(name);
		int columns = metaData.getColumnCount();
		for (int pass = 0; pass < 2; pass++) {
			for (int index = 1; index <= columns; index++) {
				if (JdbcUtils.lookupColumnName(metaData, index).equalsIgnoreCase(pass == 0 ? name : underscored)) {
					return index;
				}
			}
		}
		throw new SQLException("No column " + name + " or " + underscored + " in the result for " + type.getName());
	}

}
