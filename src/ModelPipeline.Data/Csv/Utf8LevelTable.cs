using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// Category levels of one chunk column keyed by their UTF-8 bytes (no decoding, no string per cell):
/// open addressing over a byte arena. Codes are given in first-seen order; a level is decoded to a
/// string once, when first seen.
/// </summary>
internal sealed class Utf8LevelTable
{
    private int[] _slots = new int[64]; // code + 1; 0 = empty
    private ulong[] _hashes = new ulong[64];
    private byte[] _arena = new byte[1024];
    private int _arenaLength;
    private readonly List<(int Start, int Length)> _keys = [];

    public List<string> Levels { get; } = [];

    public int CodeOf(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var index = (int)hash & mask;
        while (true)
        {
            var entry = _slots[index];
            if (entry == 0)
            {
                return Add(key, hash, index);
            }

            var (start, length) = _keys[entry - 1];
            if (_hashes[index] == hash && key.SequenceEqual(_arena.AsSpan(start, length)))
            {
                return entry - 1;
            }

            index = (index + 1) & mask;
        }
    }

    private int Add(ReadOnlySpan<byte> key, ulong hash, int index)
    {
        var code = _keys.Count;
        if (_arenaLength + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + key.Length));
        }

        key.CopyTo(_arena.AsSpan(_arenaLength));
        _keys.Add((_arenaLength, key.Length));
        _arenaLength += key.Length;
        Levels.Add(Encoding.UTF8.GetString(key));
        _slots[index] = code + 1;
        _hashes[index] = hash;
        if (_keys.Count * 2 > _slots.Length)
        {
            Rehash();
        }

        return code;
    }

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        var hashes = new ulong[slots.Length];
        var mask = slots.Length - 1;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] == 0)
            {
                continue;
            }

            var index = (int)_hashes[i] & mask;
            while (slots[index] != 0)
            {
                index = (index + 1) & mask;
            }

            slots[index] = _slots[i];
            hashes[index] = _hashes[i];
        }

        _slots = slots;
        _hashes = hashes;
    }

    private static ulong Hash(ReadOnlySpan<byte> key)
    {
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            hash = Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(key));
            key = key[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < key.Length; i++)
        {
            tail |= (ulong)key[i] << (8 * i);
        }

        return Mix(hash ^ tail);
    }

    private static ulong Mix(ulong x)
    {
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= BitOperations.RotateRight(x, 29);
        x *= 0xC4CEB9FE1A85EC53UL;
        return x ^ (x >> 32);
    }
}
