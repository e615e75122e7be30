package dev.sttclients.bench;

import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.util.ListStatistics;

/** Summary statistics of a sample, as reported in BENCHMARKS.md. */
final class Stats {
  static final double CONFIDENCE = 0.999;

  final int n;
  final double mean;
  final double median;
  final double min;
  final double max;
  /** Bounds of the 99.9% confidence interval of the mean (Student's t); NaN for fewer than 2 values. */
  final double ciLow;
  final double ciHigh;

  private Stats(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    ListStatistics s = new ListStatistics(values);
    this.n = values.length;
    this.mean = s.getMean();
    this.min = s.getMin();
    this.max = s.getMax();
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    this.median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    if (values.length > 1) {
      double[] ci = s.getConfidenceIntervalAt(CONFIDENCE);
      this.ciLow = ci[0];
      this.ciHigh = ci[1];
    } else {
      this.ciLow = Double.NaN;
      this.ciHigh = Double.NaN;
    }
  }

  static Stats of(double[] values) {
    return new Stats(values);
  }

  static Stats of(List<Double> values) {
    return new Stats(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Half the width of the confidence interval relative to the mean; NaN when unknown. */
  double relativeHalfWidth() {
    return (ciHigh - ciLow) / 2 / Math.abs(mean);
  }
}
