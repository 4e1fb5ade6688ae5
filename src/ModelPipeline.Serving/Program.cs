using ModelPipeline.Serving.Hosting;
using ModelPipeline.Serving.Model;

namespace ModelPipeline.Serving;

/// <summary>
/// The model server's entry point. Exit codes: 0 after a clean shutdown (SIGTERM/Ctrl+C), 2 for bad options,
/// 3 when the model cannot be served (missing files, sha256 mismatch), 1 for anything else.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.Out.WriteLine(ServerCommandLine.Usage);
            return 0;
        }

        try
        {
            var options = ServerCommandLine.Parse(args, Environment.GetEnvironmentVariable);
            using var app = ModelServer.Create(options);
            app.Run();
            return 0;
        }
        catch (ServerOptionsException e)
        {
            Console.Error.WriteLine($"modelpipeline-serving: {e.Message}");
            return 2;
        }
        catch (ModelLoadException e)
        {
            Console.Error.WriteLine($"modelpipeline-serving: {e.Message}");
            return 3;
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"modelpipeline-serving: cannot listen: {e.Message}");
            return 1;
        }
    }
}
