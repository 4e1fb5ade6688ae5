namespace ModelPipeline.Data;

/// <summary>
/// numpy's legacy <c>RandomState(seed)</c> for the draws scikit-learn's splitters make: MT19937 seeded with
/// <c>init_genrand(seed)</c>, <c>permutation</c> and <c>shuffle</c> as Fisher–Yates from the last element with
/// numpy's <c>random_interval</c> (a 32-bit draw masked to the bound's bit width, redrawn while above it).
/// The same seed gives the same sequence as <c>numpy.random.RandomState(seed)</c>.
/// </summary>
public sealed class NumpyRandomState
{
    private const int StateLength = 624;
    private const int Shift = 397;
    private readonly uint[] _key = new uint[StateLength];
    private int _position;

    public NumpyRandomState(uint seed)
    {
        _key[0] = seed;
        for (var i = 1; i < StateLength; i++)
        {
            var previous = _key[i - 1];
            _key[i] = unchecked((1812433253u * (previous ^ (previous >> 30))) + (uint)i);
        }

        _position = StateLength;
    }

    /// <summary>The next raw 32-bit output (numpy: <c>RandomState._bit_generator.random_raw()</c>).</summary>
    public uint NextUInt32()
    {
        if (_position == StateLength)
        {
            Generate();
        }

        var y = _key[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, <paramref name="max"/>] (numpy's <c>random_interval</c>, 32-bit path).</summary>
    public uint Interval(uint max)
    {
        if (max == 0)
        {
            return 0;
        }

        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }

        return value;
    }

    /// <summary>Shuffles in place as <c>RandomState.shuffle</c> does a one-dimensional array.</summary>
    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)Interval((uint)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>RandomState.permutation(n)</c>: 0..n-1 shuffled.</summary>
    public int[] Permutation(int count)
    {
        var items = new int[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = i;
        }

        Shuffle(items);
        return items;
    }

    private void Generate()
    {
        const uint upper = 0x80000000u;
        const uint lower = 0x7fffffffu;
        const uint matrix = 0x9908b0dfu;
        int k;
        uint y;
        for (k = 0; k < StateLength - Shift; k++)
        {
            y = (_key[k] & upper) | (_key[k + 1] & lower);
            _key[k] = _key[k + Shift] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrix);
        }

        for (; k < StateLength - 1; k++)
        {
            y = (_key[k] & upper) | (_key[k + 1] & lower);
            _key[k] = _key[k + Shift - StateLength] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrix);
        }

        y = (_key[StateLength - 1] & upper) | (_key[0] & lower);
        _key[StateLength - 1] = _key[Shift - 1] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrix);
        _position = 0;
    }
}
