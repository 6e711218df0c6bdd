package org.backroom.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bar chart laid out for inline SVG: two bars per group (this period and the same period a year before), a value
 * axis with round ticks, and every number in words for the title a mouse shows and the table a screen reader reads.
 * Laid out here rather than in a script, so the chart is there without script and under the strict policy.
 */
record BarChart(String title, List<Group> groups, List<Tick> ticks, int width, int height) {

	static final int LEFT = 56;

	static final int BOTTOM = 24;

	static final int TOP = 8;

	/** One value of a group: its series ("now" or "before") and its rectangle. */
	record Bar(String series, BigDecimal value, int x, int y, int w, int h, String label) {
	}

	/** A labelled place on the horizontal axis; {@code axisLabel} is blank where labels would crowd. */
	record Group(String label, String axisLabel, int centre, Bar now, Bar before) {
	}

	/** A line across the chart at a round value. */
	record Tick(String label, int y) {
	}

	/** One row of figures: a label, the value now and the value a year before. */
	record Point(String label, BigDecimal now, BigDecimal before) {
	}

	static BarChart of(String title, List<Point> points, int labelEvery) {
		int width = 640;
		int height = 220;
		int plot = height - BOTTOM - TOP;
		BigDecimal top = roundUp(points.stream()
			.flatMap(p -> Stream.of(p.now(), p.before()))
			.reduce(BigDecimal.ONE, BigDecimal::max));
		double slot = (width - LEFT - 4) / (double) Math.max(1, points.size());
		int bar = Math.max(1, (int) Math.floor(slot * 0.4));
		List<Group> groups = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			Point p = new Point(points.get(i).label(), money(points.get(i).now()), money(points.get(i).before()));
			int start = LEFT + (int) Math.round(i * slot + slot * 0.1);
			Bar before = bar(p.before(), "before", start, bar, plot, top, p.label() + " last year: " + p.before().toPlainString());
			Bar now = bar(p.now(), "now", start + bar, bar, plot, top, p.label() + ": " + p.now().toPlainString());
			groups.add(new Group(p.label(), i % labelEvery == 0 ? p.label() : "", start + bar, now, before));
		}
		List<Tick> ticks = new ArrayList<>();
		for (int step = 0; step <= 4; step++) {
			BigDecimal value = top.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
			ticks.add(new Tick(value.stripTrailingZeros().toPlainString(), TOP + plot - plot * step / 4));
		}
		return new BarChart(title, List.copyOf(groups), List.copyOf(ticks), width, height);
	}

	private static Bar bar(BigDecimal value, String series, int x, int w, int plot, BigDecimal top, String label) {
		int h = value.signum() <= 0 ? 0
				: Math.max(1, value.multiply(BigDecimal.valueOf(plot)).divide(top, 0, RoundingMode.HALF_UP).intValue());
		return new Bar(series, value, x, TOP + plot - h, w, h, label);
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/** The axis' top: the highest value rounded up to 1, 2 or 5 times a power of ten, so its ticks read well. */
	static BigDecimal roundUp(BigDecimal highest) {
		BigDecimal power = BigDecimal.ONE;
		while (power.multiply(BigDecimal.TEN).compareTo(highest) < 0) {
			power = power.multiply(BigDecimal.TEN);
		}
		for (int factor : new int[] { 1, 2, 5, 10 }) {
			BigDecimal candidate = power.multiply(BigDecimal.valueOf(factor));
			if (candidate.compareTo(highest) >= 0) {
				return candidate;
			}
		}
		return power.multiply(BigDecimal.TEN);
	}

	public int bottom() {
		return height - BOTTOM;
	}

	public int left() {
		return LEFT;
	}

}
