global using System.Net;
global using ServiceCenter.Tests.Infrastructure;

[assembly: CollectionBehavior(MaxParallelThreads = 2)]
