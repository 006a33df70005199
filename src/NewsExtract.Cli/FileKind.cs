using System.Runtime.InteropServices;

namespace NewsExtract.Cli;

/// <summary>What a path names, as far as reading it is concerned.</summary>
internal enum FileKind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other }

/// <summary>
/// The type of a file system entry (following symbolic links). .NET tells a folder from a file but not a FIFO or a
/// device from a regular file, and opening a FIFO blocks while reading /dev/zero never ends; so on Unix the type comes
/// from stat(2), through the runtime's own System.Native shim (its FileStatus layout is the same on every Unix and
/// architecture .NET runs on).
/// </summary>
internal static class FileKinds
{
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        var status = new byte[256]; // FileStatus is about 130 bytes; room to spare
        if (SystemNativeStat(path, status) != 0)
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Other : FileKind.Missing;
        int mode = BitConverter.ToInt32(status, 4); // FileStatus { int Flags; int Mode; ... }, PAL S_IF* values
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        _ => "not a regular file",
    };

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
