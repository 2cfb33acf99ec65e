// Each browser test class starts a server and a Chromium; on a 2-core machine running them one class at a
// time keeps timings honest (a journey waits on the page, not on a neighbour's browser).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
