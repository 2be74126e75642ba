using System.Runtime.CompilerServices;

// The interop tests check the protobuf wire encoder byte for byte against the encoding specification's examples,
// which the public API can only reach through whole models.
[assembly: InternalsVisibleTo("GanGen.Tests")]
