using System.Buffers;
using ModelPipeline.Serving.Input;

namespace ModelPipeline.Serving.Tests;

public sealed class Utf8TextTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3 }, new byte[] { 0xA9, 0x62 }, true)] // "aé" + "b", é split across segments
    [InlineData(new byte[] { 0x61, 0xC3 }, new byte[] { 0x41, 0x62 }, false)] // a lead byte followed by 'A'
    [InlineData(new byte[] { 0x61 }, new byte[] { 0xC3 }, false)] // ends inside a character
    [InlineData(new byte[] { 0x7B }, new byte[] { 0x7D }, true)]
    public void IsValid_TwoSegments_JudgesCharactersAcrossTheBoundary(byte[] first, byte[] second, bool valid)
    {
        var start = new Segment(first);
        var end = start.Append(second);

        Assert.Equal(valid, Utf8Text.IsValid(new ReadOnlySequence<byte>(start, 0, end, second.Length)));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes) => Memory = bytes;

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
