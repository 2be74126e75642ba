using System;
using GanGen.Runtime.Kernels;

// One known-answer check of the canaries on the route this machine starts on. A faulty route moves this process to
// the next right one and remembers, for the next process, the route start-up can take; run again until it stays.
// Exit codes: 0 the start route is right (settled), 3 it was not (run again), 1 no route is right.
string start = KernelCheck.Route.Key;
try
{
    KernelCheck.Verify(KernelCheck.Canaries);
}
catch (KernelCheckException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}

string now = KernelCheck.Route.Key;
Console.WriteLine(now == start ? $"kernel route {start}: right on {KernelCheck.Machine}" : $"kernel route {start} was wrong; this process took {now}");
return now == start ? 0 : 3;
