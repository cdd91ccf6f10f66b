Console.WriteLine("ServiceCenter benchmarks: see docs/benchmarks.md");
