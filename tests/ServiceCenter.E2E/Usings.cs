global using Microsoft.Playwright;

// Each journey drives a browser and a host: run them one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
