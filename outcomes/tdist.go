package outcomes

import "math"

// tCritical returns the t with P(T > t) = tail for Student's t distribution with df degrees of
// freedom, for 0 < tail < 0.5 and df ≥ 1: the critical value of a two-sided interval of coverage
// 1 − 2·tail (tail 0.025 gives the 95% interval).
//
// For df ≤ 1000 it solves I_x(df/2, 1/2) = 2·tail with x = df/(df+t²) (the regularized incomplete
// beta, Numerical Recipes' continued fraction with the modified Lentz method) by Newton's method on
// the t density, safeguarded by bisection, to full double precision. For df > 1000 it uses the
// Cornish–Fisher expansion of Abramowitz & Stegun 26.7.5 to the ν⁻⁴ term, whose error there is below
// 1e-14. The tests check both against reference values computed independently (see tdist_test.go).
func tCritical(tail, df float64) float64 {
	if !(tail > 0 && tail < 0.5) || !(df >= 1) || math.IsInf(df, 0) {
		return math.NaN()
	}
	if df > 1000 {
		return cornishFisher(tail, df)
	}
	lo, hi := 0.0, math.Inf(1)
	t := cornishFisher(tail, df)
	for range 200 {
		g := tTail(t, df) - tail // > 0: t is too small
		if g == 0 {
			return t
		}
		if g > 0 {
			lo = t
		} else {
			hi = t
		}
		next := t + g/tDensity(t, df)
		if !(next > lo && next < hi) {
			if math.IsInf(hi, 1) {
				next = 2 * t
			} else {
				next = lo + (hi-lo)/2
			}
		}
		if math.Abs(next-t) <= 4e-16*t {
			return next
		}
		t = next
	}
	return t
}

// cornishFisher is Abramowitz & Stegun 26.7.5: the t quantile as the normal quantile z plus
// corrections in powers of 1/df.
func cornishFisher(tail, df float64) float64 {
	z := -math.Sqrt2 * math.Erfinv(2*tail-1) // upper-tail normal quantile
	z2 := z * z
	g1 := z * (z2 + 1) / 4
	g2 := z * ((5*z2+16)*z2 + 3) / 96
	g3 := z * (((3*z2+19)*z2+17)*z2 - 15) / 384
	g4 := z * ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) / 92160
	return z + (g1+(g2+(g3+g4/df)/df)/df)/df
}

// tTail returns P(T > t) for t ≥ 0: ½·I_{df/(df+t²)}(df/2, ½).
func tTail(t, df float64) float64 {
	x := df / (df + t*t)
	return 0.5 * regIncBeta(df/2, 0.5, x)
}

// tDensity is the Student t probability density.
func tDensity(t, df float64) float64 {
	lg1, _ := math.Lgamma((df + 1) / 2)
	lg2, _ := math.Lgamma(df / 2)
	return math.Exp(lg1 - lg2 - 0.5*math.Log(df*math.Pi) - (df+1)/2*math.Log1p(t*t/df))
}

// regIncBeta is the regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
func regIncBeta(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	front := math.Exp(a*math.Log(x) + b*math.Log1p(-x) - logBeta(a, b))
	if x < (a+1)/(a+b+2) {
		return front * betaContinuedFraction(a, b, x) / a
	}
	return 1 - front*betaContinuedFraction(b, a, 1-x)/b
}

// betaContinuedFraction evaluates the continued fraction of the incomplete beta function by the
// modified Lentz method (Numerical Recipes, betacf).
func betaContinuedFraction(a, b, x float64) float64 {
	const tiny = 1e-300
	const eps = 1e-16
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 - qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 10000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h
}

// logBeta returns ln B(a, b). When one argument is ½ and the other is large (the case of the t
// distribution with many degrees of freedom) it avoids the cancellation of ln Γ(a+½) − ln Γ(a) by
// taking the difference of the two Stirling series term by term.
func logBeta(a, b float64) float64 {
	if a == 0.5 {
		a, b = b, a
	}
	if b == 0.5 && a >= 10 {
		return lnSqrtPi - lnGammaRatioHalf(a)
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// lnSqrtPi is ln Γ(½) = ½ ln π.
const lnSqrtPi = 0.57236494292470008707171367567652935582364740645766

// lnGammaRatioHalf returns ln Γ(a+½) − ln Γ(a) for a ≥ 10 from Stirling's series
// ln Γ(z) = (z−½) ln z − z + ½ ln 2π + Σ B₂ₖ / (2k(2k−1) z²ᵏ⁻¹), differenced term by term:
// (a) ln(a+½) − (a−½) ln a − ½ = ½ ln a + a·ln(1 + 1/(2a)) − ½, plus the differences of the
// correction terms up to z⁻¹¹ (truncation error below 1e-17 at a = 10).
func lnGammaRatioHalf(a float64) float64 {
	z := a + 0.5
	s := 0.5*math.Log(a) + a*math.Log1p(0.5/a) - 0.5
	corr := func(z float64) float64 {
		r := 1 / z
		r2 := r * r
		return r * (1.0/12 + r2*(-1.0/360+r2*(1.0/1260+r2*(-1.0/1680+r2*(1.0/1188+r2*(-691.0/360360))))))
	}
	return s + corr(z) - corr(a)
}
