using System.Text;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Tests;

public sealed class LogFramesTests
{
    [Fact]
    public void Demultiplex_StdoutAndStderrFrames_ConcatenatesPayloadsInOrder()
    {
        byte[] Frame(byte stream, string text)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            return [stream, 0, 0, 0, 0, 0, (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];
        }

        byte[] bytes = [.. Frame(1, "listening on 8080\n"), .. Frame(2, "warning: no GPU\n"), .. Frame(1, new string('x', 300))];

        Assert.Equal("listening on 8080\nwarning: no GPU\n" + new string('x', 300), LogFrames.Demultiplex(bytes));
    }

    [Fact]
    public void Demultiplex_RawTtyStream_ReturnsItAsIs()
    {
        Assert.Equal("plain text\n", LogFrames.Demultiplex("plain text\n"u8));
    }
}
