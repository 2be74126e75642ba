using System.Runtime.CompilerServices;

// The interop tests check the protobuf wire encoder byte for byte against the encoding specification's examples,
// which the public API can only reach through whole models.
[assembly: InternalsVisibleTo("GanGen.Tests")]
// The `routes` benchmark switches oneDNN on and off between blocks to time the kernel check's routes side by side.
[assembly: InternalsVisibleTo("GanGen.Benchmarks")]
