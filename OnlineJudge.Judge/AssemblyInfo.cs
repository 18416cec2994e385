// The judge server needs Linux: bubblewrap, /proc, posix_spawn and wait4.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
