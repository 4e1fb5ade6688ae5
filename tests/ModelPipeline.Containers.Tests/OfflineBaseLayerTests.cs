using ModelPipeline.Containers.Images;

namespace ModelPipeline.Containers.Tests;

public sealed class OfflineBaseLayerTests
{
    [Fact]
    public void ParseLdd_TypicalOutput_ReturnsLoaderAndResolvedLibraries()
    {
        const string output = """
                linux-vdso.so.1 (0x00007ffd)
                libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f1)
                libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2)
                /lib64/ld-linux-x86-64.so.2 (0x00007f3)
            """;

        Assert.Equal(["/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"], OfflineBaseLayer.ParseLdd(output));
    }

    [Fact]
    public void ParseLdd_MissingLibrary_ThrowsNamingIt()
    {
        var error = Assert.Throws<ImageBuildException>(() => OfflineBaseLayer.ParseLdd("\tlibicuuc.so.72 => not found\n"));

        Assert.Contains("libicuuc.so.72 => not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_DynamicExecutable_IncludesLibcAndTheLoader()
    {
        var files = OfflineBaseLayer.Collect(["/bin/ls"]);

        Assert.Contains(files, f => f.ImagePath.EndsWith("/libc.so.6", StringComparison.Ordinal) && File.Exists(f.HostPath));
        Assert.Contains(files, f => f.ImagePath.Contains("ld-linux", StringComparison.Ordinal));
        Assert.Contains(files, f => f.ImagePath.EndsWith("/libssl.so.3", StringComparison.Ordinal));
        Assert.Contains(files, f => f.ImagePath.EndsWith("/libcrypto.so.3", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildContext_NativeLibraryBesideTheServer_BringsItsOwnDependencies()
    {
        // ML.NET's lib_lightgbm.so needs libgomp, which the server executable does not: the runtime dlopens it.
        var server = Directory.CreateTempSubdirectory("mp-native-server-").FullName;
        try
        {
            File.Copy("/bin/ls", Path.Combine(server, "server"));
            File.Copy(Directory.GetFiles("/usr/lib/x86_64-linux-gnu", "libicuuc.so.*").Order(StringComparer.Ordinal).First(), Path.Combine(server, "libnative.so"));
            var request = new ImageBuildRequest { Tag = "t:1", ServerDirectory = server, Entrypoint = ["/app/server"] };

            var entries = EngineImageBuilder.BuildContextEntries(request);

            Assert.DoesNotContain(OfflineBaseLayer.Collect(["/bin/ls"]), f => f.ImagePath.EndsWith("/libstdc++.so.6", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.Path.StartsWith("rootfs/", StringComparison.Ordinal) && e.Path.EndsWith("/libstdc++.so.6", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.Path == "app/libnative.so");
        }
        finally
        {
            Directory.Delete(server, recursive: true);
        }
    }

    [Fact]
    public void Collect_StaticExecutable_NeedsNoLibraries()
    {
        Assert.Empty(OfflineBaseLayer.Collect([Support.ContainerServices.Busybox]));
    }

    [Fact]
    public void Collect_MissingExecutable_ThrowsNamingIt()
    {
        var error = Assert.Throws<ImageBuildException>(() => OfflineBaseLayer.Collect(["/no/server"]));

        Assert.Equal("cannot collect the offline base: /no/server does not exist", error.Message);
    }
}
