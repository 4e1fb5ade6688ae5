# Reference values for DriftStatisticsTests. Run: /usr/bin/python3 Fixtures/drift_statistics_reference.py
# (Debian python3-scipy 1.10.1 / numpy). Prints the values the tests assert.
import numpy as np
from scipy import stats
from scipy.spatial import distance

a = np.array([0.1, 0.4, 0.7, 1.3, 2.2, 2.9, 3.1, 3.3, 4.0, 5.5, 6.1, 7.7])
b = np.array([1.0, 1.9, 2.5, 3.2, 4.4, 5.0, 5.9, 6.6, 7.0, 8.1, 9.3])
d = stats.ks_2samp(a, b).statistic
en = len(a) * len(b) / (len(a) + len(b))
# Ours is the Kolmogorov limit distribution (kstwobign); ks_2samp(method="asymp") uses kstwo(round(en)) instead.
print("ks_d", repr(d), "ks_kstwobign", repr(stats.kstwobign.sf(np.sqrt(en) * d)))
counts = np.array([30, 50, 15, 5])
ref = np.array([0.25, 0.45, 0.2, 0.1])
print("chi2", repr(stats.chisquare(counts, ref * counts.sum()).pvalue))
p = np.array([0.785, 0.215]); q = np.array([0.816, 0.184])
print("js", repr(distance.jensenshannon(p, q)))
r = np.array([0.1, 0.2, 0.3, 0.4]); c = np.array([0.15, 0.25, 0.2, 0.4])
print("psi", repr(np.sum((c - r) * np.log(c / r))))
