/* test-controls.c — the sidebar's fields: the run they describe, and what
 * they say of a value a run would not take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ll-controls.h"
#include "ll-fit.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWidget  *window;
  LlControls *controls;
  LlMemInfo   memory;     /* what the injected probe says */
} Fixture;

static gboolean
probe (LlMemInfo *info,
       gpointer   user_data,
       GError   **error)
{
  *info = *(const LlMemInfo *) user_data;
  return TRUE;
}

static void
fixture_set_up (Fixture *f)
{
  f->memory = (LlMemInfo) { .total_bytes = 16 * GiB, .available_bytes = 12 * GiB,
                            .cgroup_limit_bytes = LL_NO_LIMIT };
  f->controls = LL_CONTROLS (ll_controls_new ());
  ll_controls_set_mem_probe (f->controls, probe, &f->memory);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 380, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->controls));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_ms (50);
}

/* CPython, a container target of @target, a reserve of 1 GiB (11 GiB
 * above it). */
static void
fixture_set_up_target (Fixture    *f,
                       const char *target)
{
  fixture_set_up (f);
  ll_controls_set_policy (f->controls, LL_POLICY_CPYTHON);
  ll_controls_set_target_kind (f->controls, LL_TARGET_CONTAINER_BYTES);
  ll_controls_set_reserve_text (f->controls, "1GiB");
  ll_controls_set_target_text (f->controls, target);
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (10);
}

static LlRunConfig
config_of (LlControls *controls)
{
  g_autoptr(GError) error = NULL;
  LlRunConfig config;

  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_no_error (error);
  return config;
}

/* The target as written: its size, and the units it speaks in after. */
static void
test_target (void)
{
  Fixture f;
  LlRunConfig config;
  g_autofree char *described = NULL;

  fixture_set_up (&f);
  ll_controls_set_policy (f.controls, LL_POLICY_CPYTHON);
  ll_controls_set_element (f.controls, LL_ELEMENT_SHARED);
  ll_controls_set_target_kind (f.controls, LL_TARGET_CONTAINER_BYTES);

  ll_controls_set_target_text (f.controls, "10 GB");
  config = config_of (f.controls);
  g_assert_cmpuint (config.target, ==, 10000000000);
  g_assert_cmpint (ll_controls_get_target_units (f.controls), ==, LL_UNITS_SI);
  ll_controls_set_target_text (f.controls, "8 GiB");
  g_assert_cmpuint (config_of (f.controls).target, ==, 8 * GiB);
  g_assert_cmpint (ll_controls_get_target_units (f.controls), ==, LL_UNITS_IEC);
  ll_controls_set_target_text (f.controls, "8G");
  g_assert_cmpint (ll_controls_get_target_units (f.controls), ==, LL_UNITS_IEC);
  described = ll_controls_describe (f.controls);
  g_assert_cmpstr (described, ==, "CPython 3.9+ · Shared object · 8.00 GiB");

  /* Not a size: the run is refused, and the field says why. */
  ll_controls_set_target_text (f.controls, "lots");
  g_assert_false (ll_controls_get_valid (f.controls));
  g_assert_nonnull (ll_controls_get_error (f.controls));
  g_assert_nonnull (strstr (ll_controls_get_error (f.controls), "lots"));
  g_assert_false (ll_controls_get_config (f.controls, &config, NULL));

  fixture_tear_down (&f);
}

/* A target larger than the memory free now is said at the field, with the
 * largest that fits; it stays a warning, for the run stops at the reserve. */
static void
test_target_fits (void)
{
  Fixture f;
  const char *message;

  fixture_set_up_target (&f, "2GiB");
  message = ll_controls_get_target_message (f.controls);
  g_assert_true (message == NULL || strstr (message, "More than the memory free now") == NULL);

  ll_controls_set_target_text (f.controls, "20GiB");
  message = ll_controls_get_target_message (f.controls);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "More than the memory free now (11.00 GiB after the reserve)"));
  g_assert_nonnull (strstr (message, "the largest target that fits is "));
  g_assert_true (ll_controls_get_valid (f.controls));

  /* That largest target, typed, fits: rounded down, never up. */
  {
    const char *at = strstr (message, "the largest target that fits is ") +
                     strlen ("the largest target that fits is ");
    g_autofree char *largest = g_strndup (at, strlen (at) - 1);
    LlRunConfig config;
    LlFit fit;

    ll_controls_set_target_text (f.controls, largest);
    message = ll_controls_get_target_message (f.controls);
    g_assert_true (message == NULL || strstr (message, "More than the memory free now") == NULL);
    config = config_of (f.controls);
    ll_fit_plan (&fit, &config, &f.memory, 0);
    g_assert_true (fit.fits);
  }

  fixture_tear_down (&f);
}

/* Where no run fits, the field says whether the initial list is why. */
static void
test_target_no_run_fits (void)
{
  Fixture f;
  const char *message;

  fixture_set_up_target (&f, "20GiB");

  /* Less free than the reserve: nothing fits, an empty list neither. */
  f.memory.available_bytes = 512 * MiB;
  ll_controls_set_initial_text (f.controls, "1000");
  ll_controls_set_initial_text (f.controls, "0");
  message = ll_controls_get_target_message (f.controls);
  g_assert_cmpstr (message, ==, "More than the memory free now: 0 B after the reserve, "
                                "not enough for any run.");

  /* Room for a little, not for a list of 200 M elements. */
  f.memory.available_bytes = 2 * GiB;
  ll_controls_set_initial_text (f.controls, "200000000");
  message = ll_controls_get_target_message (f.controls);
  g_assert_cmpstr (message, ==, "More than the memory free now: 1.00 GiB after the reserve, "
                                "not even enough for the initial list.");

  fixture_tear_down (&f);
}

/* The reserve as a share of the memory: of the machine's, read now. */
static void
test_reserve (void)
{
  Fixture f;
  LlMemInfo info;
  LlRunConfig config;

  fixture_set_up (&f);
  ll_controls_set_reserve_text (f.controls, "auto");
  g_assert_cmpuint (config_of (f.controls).reserve_bytes, ==, LL_RESERVE_DEFAULT);
  ll_controls_set_reserve_text (f.controls, "2GiB");
  g_assert_cmpuint (config_of (f.controls).reserve_bytes, ==, 2 * GiB);
  if (ll_mem_read_system (&info, NULL, NULL))
    {
      ll_controls_set_reserve_text (f.controls, "10 %");
      g_assert_cmpuint (config_of (f.controls).reserve_bytes, ==,
                        (guint64) llround (MIN (info.total_bytes, info.cgroup_limit_bytes) / 10.0));
    }

  ll_controls_set_reserve_text (f.controls, "200%");
  g_assert_false (ll_controls_get_valid (f.controls));
  g_assert_cmpstr (ll_controls_get_error (f.controls), ==,
                   "200 % is more than all of the memory: a share goes from 0 to 100 %");
  g_assert_false (ll_controls_get_config (f.controls, &config, NULL));
  ll_controls_set_reserve_text (f.controls, "0");
  g_assert_true (ll_controls_get_valid (f.controls));
  g_assert_cmpuint (config_of (f.controls).reserve_bytes, ==, 0);

  fixture_tear_down (&f);
}

/* The notebook's experiment, set up in one go. */
static void
test_notebook (void)
{
  Fixture f;
  LlRunConfig config;

  fixture_set_up (&f);
  ll_controls_load_notebook_example (f.controls);
  config = config_of (f.controls);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_CPYTHON);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_BOXED);
  g_assert_cmpuint (config.initial_length, ==, 20000000);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_ELEMENTS);
  g_assert_cmpuint (config.target, ==, 40000004);
  g_assert_cmpuint (config.batch, ==, 1);

  fixture_tear_down (&f);
}

/* NumPy and array.array hold machine numbers: choosing one with objects
 * as elements takes int64; the next policy of objects gives back what was
 * chosen before, unless the elements were chosen in between. */
static void
test_numbers_policy (void)
{
  Fixture f;

  fixture_set_up (&f);
  ll_controls_set_element (f.controls, LL_ELEMENT_BOXED);

  ll_controls_set_policy (f.controls, LL_POLICY_NUMPY_APPEND);
  g_assert_true (ll_controls_get_valid (f.controls));
  g_assert_cmpint (config_of (f.controls).element, ==, LL_ELEMENT_INT64);
  /* Its copies, with the square of the length, said before Start. */
  ll_controls_set_target_text (f.controls, "10GB");
  g_assert_true (g_str_has_prefix (ll_controls_get_target_message (f.controls),
                                   "np.append copies the whole array on every append: this target "
                                   "would copy about 6.25 EB"));
  ll_controls_set_target_text (f.controls, "1MiB");
  g_assert_cmpstr (ll_controls_get_target_message (f.controls), ==, "1.05 MB = 1.00 MiB = 1,048,576 bytes");
  /* from one policy of numbers to another, the elements stay */
  ll_controls_set_element (f.controls, LL_ELEMENT_INT32);
  ll_controls_set_policy (f.controls, LL_POLICY_CPYTHON_ARRAY);
  g_assert_cmpint (config_of (f.controls).element, ==, LL_ELEMENT_INT32);
  /* int32 was chosen by hand: it stays for a list too */
  ll_controls_set_policy (f.controls, LL_POLICY_CPYTHON);
  g_assert_cmpint (config_of (f.controls).element, ==, LL_ELEMENT_INT32);

  /* Switched, then given back. */
  ll_controls_set_element (f.controls, LL_ELEMENT_SHARED);
  ll_controls_set_policy (f.controls, LL_POLICY_CPYTHON_ARRAY);
  g_assert_cmpint (config_of (f.controls).element, ==, LL_ELEMENT_INT64);
  ll_controls_set_policy (f.controls, LL_POLICY_NUMPY_APPEND);
  g_assert_cmpint (config_of (f.controls).element, ==, LL_ELEMENT_INT64);
  ll_controls_set_policy (f.controls, LL_POLICY_GO);
  g_assert_cmpint (config_of (f.controls).element, ==, LL_ELEMENT_SHARED);

  /* Objects chosen by hand with NumPy: refused, and said at the elements,
   * not at the target. */
  ll_controls_set_policy (f.controls, LL_POLICY_NUMPY_APPEND);
  ll_controls_set_target_text (f.controls, "1MiB");
  ll_controls_set_element (f.controls, LL_ELEMENT_BOXED);
  g_assert_false (ll_controls_get_valid (f.controls));
  {
    GtkWidget *element_row = find_action_row (f.window, "E_lements");
    GtkWidget *message = find_label (f.window, "NumPy np.append holds numbers, not Python objects: "
                                               "choose the int64 or int32 element model");

    g_assert_nonnull (element_row);
    g_assert_true (gtk_widget_has_css_class (element_row, "error"));
    g_assert_nonnull (message);
    g_assert_true (gtk_widget_get_visible (message));
    g_assert_cmpstr (ll_controls_get_target_message (f.controls), ==,
                     "1.05 MB = 1.00 MiB = 1,048,576 bytes");
    ll_controls_set_element (f.controls, LL_ELEMENT_INT32);
    g_assert_true (ll_controls_get_valid (f.controls));
    g_assert_false (gtk_widget_has_css_class (element_row, "error"));
    g_assert_false (gtk_widget_get_visible (message) &&
                    g_str_has_prefix (gtk_label_get_label (GTK_LABEL (message)), "NumPy"));
  }

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/controls/target", test_target);
  g_test_add_func ("/ui/controls/target-fits", test_target_fits);
  g_test_add_func ("/ui/controls/target-no-run-fits", test_target_no_run_fits);
  g_test_add_func ("/ui/controls/reserve", test_reserve);
  g_test_add_func ("/ui/controls/notebook", test_notebook);
  g_test_add_func ("/ui/controls/numbers-policy", test_numbers_policy);

  return g_test_run ();
}
