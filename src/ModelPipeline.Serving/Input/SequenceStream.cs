using System.Buffers;

namespace ModelPipeline.Serving.Input;

/// <summary>A read-only, seekable stream over a request body as it lies in the pipe's segments (no copy into one array).</summary>
internal sealed class SequenceStream(ReadOnlySequence<byte> body) : Stream
{
    private readonly ReadOnlySequence<byte> _body = body;
    private long _position;
    private ReadOnlySequence<byte> _rest = body;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _body.Length;

    public override long Position
    {
        get => _position;
        set
        {
            _position = Math.Clamp(value, 0, _body.Length);
            _rest = _body.Slice(_position);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, _rest.Length);
        _rest.Slice(0, count).CopyTo(buffer);
        _rest = _rest.Slice(count);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _body.Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
