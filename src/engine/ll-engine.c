#include "ll-engine.h"
