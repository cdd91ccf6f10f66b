namespace ServiceCenter.Printing;

/// <summary>PDF print forms, barcodes and fonts shared by every module.</summary>
public static class PrintingModule;
