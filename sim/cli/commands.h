// The sdsim subcommands. Each takes the arguments after its name and returns the exit code.
#pragma once

#include <string>
#include <vector>

namespace sdsim {

// Exit codes, shared by all subcommands.
enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidInput = 1,  // a scenario file (or other input) has problems; nothing was written
  kExitUsage = 2,         // wrong command-line flags
  kExitOutputError = 3,   // results could not be written
};

int RunCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_command);
int ValidateCommand(const std::vector<std::string>& args);
int ExpectCommand(const std::vector<std::string>& args,
                  const std::vector<std::string>& full_command);
int FitCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_command);
int BacktestCommand(const std::vector<std::string>& args,
                    const std::vector<std::string>& full_command);
int SweepCommand(const std::vector<std::string>& args,
                 const std::vector<std::string>& full_command);

}  // namespace sdsim
