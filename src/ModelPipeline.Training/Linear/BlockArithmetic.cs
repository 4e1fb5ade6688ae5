using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ModelPipeline.Training.Linear;

/// <summary>
/// The vector arithmetic of <see cref="LogisticObjective"/>'s row blocks: plain element-wise add and multiply (the same
/// bits with or without hardware vectors), lanes summed in a fixed order.
/// </summary>
internal static class BlockArithmetic
{
    /// <summary>z[r] += theta[slots[r]]; slots were checked against the feature count when the matrix was built.</summary>
    public static void Gather(double[] theta, ReadOnlySpan<int> slots, Span<double> z)
    {
        ref var weights = ref MemoryMarshal.GetArrayDataReference(theta);
        for (var r = 0; r < slots.Length; r++)
        {
            z[r] += Unsafe.Add(ref weights, slots[r]);
        }
    }

    /// <summary>gradient[slots[r]] += z[r].</summary>
    public static void Scatter(ReadOnlySpan<double> z, ReadOnlySpan<int> slots, double[] gradient)
    {
        ref var sums = ref MemoryMarshal.GetArrayDataReference(gradient);
        for (var r = 0; r < slots.Length; r++)
        {
            Unsafe.Add(ref sums, slots[r]) += z[r];
        }
    }

    /// <summary>values = (x - center) · inverseScale; z += weight · values.</summary>
    public static void StandardizeAndScore(ReadOnlySpan<double> x, double center, double inverseScale, double weight, Span<double> values, Span<double> z)
    {
        var c = Vector256.Create(center);
        var s = Vector256.Create(inverseScale);
        var w = Vector256.Create(weight);
        var r = 0;
        for (; r <= x.Length - Vector256<double>.Count; r += Vector256<double>.Count)
        {
            var value = (Vector256.Create(x[r..]) - c) * s;
            value.CopyTo(values[r..]);
            (Vector256.Create<double>(z[r..]) + (w * value)).CopyTo(z[r..]);
        }

        for (; r < x.Length; r++)
        {
            values[r] = (x[r] - center) * inverseScale;
            z[r] += weight * values[r];
        }
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector256<double>.Zero;
        var r = 0;
        for (; r <= a.Length - Vector256<double>.Count; r += Vector256<double>.Count)
        {
            sum += Vector256.Create(a[r..]) * Vector256.Create(b[r..]);
        }

        var total = Lanes(sum);
        for (; r < a.Length; r++)
        {
            total += a[r] * b[r];
        }

        return total;
    }

    public static double Sum(ReadOnlySpan<double> a)
    {
        var sum = Vector256<double>.Zero;
        var r = 0;
        for (; r <= a.Length - Vector256<double>.Count; r += Vector256<double>.Count)
        {
            sum += Vector256.Create(a[r..]);
        }

        var total = Lanes(sum);
        for (; r < a.Length; r++)
        {
            total += a[r];
        }

        return total;
    }

    /// <summary>The four lanes added in a fixed order (Vector256.Sum's order may depend on the hardware).</summary>
    public static double Lanes(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
