#ifndef KILN_CLIBYAML_SHIM_H
#define KILN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
