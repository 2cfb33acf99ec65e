namespace Showroom.Configuration;

/// <summary>
/// A problem with configuration or the environment that stops Showroom from starting.
/// Program prints its message as one line and exits; the message names the setting to fix.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
