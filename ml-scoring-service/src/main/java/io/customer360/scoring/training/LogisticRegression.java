package io.customer360.scoring.training;

import io.customer360.scoring.features.FeatureFrame;

/**
 * The baseline model: L2-regularized logistic regression on standardized features, fitted by
 * Newton–Raphson (iteratively reweighted least squares). Missing values are imputed with the
 * training mean, i.e. zero after standardization. Small and exact for the tens of features a
 * feature table has.
 */
public final class LogisticRegression {

  private static final int MAX_ITERATIONS = 50;
  private static final double TOLERANCE = 1e-7;

  private final double[] mean;
  private final double[] scale;
  private final double[] coefficients; // [bias, w1..wd] on standardized inputs

  private LogisticRegression(double[] mean, double[] scale, double[] coefficients) {
    this.mean = mean;
    this.scale = scale;
    this.coefficients = coefficients;
  }

  /**
   * Fits on the labelled rows of a frame.
   *
   * @param l2 ridge penalty on the (standardized) weights; the bias is not penalized
   */
  public static LogisticRegression fit(FeatureFrame frame, double l2) {
    int d = frame.width();
    double[] mean = new double[d];
    double[] scale = new double[d];
    standardization(frame, mean, scale);
    boolean[] y = frame.positives();
    double[] theta = new double[d + 1];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] step = newtonStep(frame, mean, scale, y, theta, l2);
      double largest = 0;
      for (int k = 0; k <= d; k++) {
        theta[k] -= step[k];
        largest = Math.max(largest, Math.abs(step[k]));
      }
      if (largest < TOLERANCE) {
        break;
      }
    }
    return new LogisticRegression(mean, scale, theta);
  }

  /** Probabilities for every row of a frame with the same features. */
  public double[] scores(FeatureFrame frame) {
    double[] out = new double[frame.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = probability(frame.row(i));
    }
    return out;
  }

  /** The probability of one row. */
  public double probability(float[] row) {
    double[] x = standardized(row, mean, scale);
    return sigmoid(linear(x, coefficients));
  }

  private static double[] newtonStep(
      FeatureFrame frame, double[] mean, double[] scale, boolean[] y, double[] theta, double l2) {
    int d1 = theta.length;
    double[] gradient = new double[d1];
    double[][] hessian = new double[d1][d1];
    double[] x1 = new double[d1];
    x1[0] = 1;
    for (int i = 0; i < y.length; i++) {
      double[] z = standardized(frame.row(i), mean, scale);
      System.arraycopy(z, 0, x1, 1, d1 - 1);
      double p = sigmoid(linear(z, theta));
      double residual = p - (y[i] ? 1 : 0);
      double weight = Math.max(p * (1 - p), 1e-12);
      for (int a = 0; a < d1; a++) {
        gradient[a] += residual * x1[a];
        double wa = weight * x1[a];
        for (int b = 0; b <= a; b++) {
          hessian[a][b] += wa * x1[b];
        }
      }
    }
    for (int a = 1; a < d1; a++) {
      gradient[a] += l2 * theta[a];
      hessian[a][a] += l2;
    }
    for (int a = 0; a < d1; a++) {
      for (int b = a + 1; b < d1; b++) {
        hessian[a][b] = hessian[b][a];
      }
    }
    return Cholesky.solve(hessian, gradient);
  }

  private static void standardization(FeatureFrame frame, double[] mean, double[] scale) {
    int d = frame.width();
    long[] count = new long[d];
    double[] sumSq = new double[d];
    for (int i = 0; i < frame.rows(); i++) {
      for (int f = 0; f < d; f++) {
        float v = frame.value(i, f);
        if (!Float.isNaN(v)) {
          count[f]++;
          mean[f] += v;
          sumSq[f] += (double) v * v;
        }
      }
    }
    for (int f = 0; f < d; f++) {
      mean[f] = count[f] == 0 ? 0 : mean[f] / count[f];
      double variance = count[f] == 0 ? 0 : sumSq[f] / count[f] - mean[f] * mean[f];
      scale[f] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
  }

  private static double[] standardized(float[] row, double[] mean, double[] scale) {
    double[] z = new double[row.length];
    for (int f = 0; f < row.length; f++) {
      z[f] = Float.isNaN(row[f]) ? 0 : (row[f] - mean[f]) / scale[f];
    }
    return z;
  }

  private static double linear(double[] z, double[] theta) {
    double s = theta[0];
    for (int f = 0; f < z.length; f++) {
      s += theta[f + 1] * z[f];
    }
    return s;
  }

  private static double sigmoid(double t) {
    return 1 / (1 + Math.exp(-t));
  }

  /** Solves a symmetric positive-definite system, adding jitter when it is nearly singular. */
  static final class Cholesky {
    private Cholesky() {}

    static double[] solve(double[][] a, double[] b) {
      int n = b.length;
      double jitter = 0;
      while (true) {
        double[][] l = factor(a, jitter);
        if (l != null) {
          double[] y = new double[n];
          for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
              s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
          }
          double[] x = new double[n];
          for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
              s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
          }
          return x;
        }
        jitter = jitter == 0 ? 1e-9 : jitter * 100;
        if (jitter > 1e3) {
          throw new TrainingException("Logistic regression Hessian is not positive definite");
        }
      }
    }

    private static double[][] factor(double[][] a, double jitter) {
      int n = a.length;
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double s = a[i][j] + (i == j ? jitter : 0);
          for (int k = 0; k < j; k++) {
            s -= l[i][k] * l[j][k];
          }
          if (i == j) {
            if (s <= 0) {
              return null;
            }
            l[i][i] = Math.sqrt(s);
          } else {
            l[i][j] = s / l[j][j];
          }
        }
      }
      return l;
    }
  }
}
