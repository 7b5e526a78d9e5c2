/* test-reserve-row.c — the memory reserve typed in its row: what it means,
 * what is wrong with it, and only what a run takes saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND 1
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "ll-reserve-row.h"
#include "ll-run-config.h"
#include "ui-test-util.h"

typedef struct
{
  guint message;
  guint valid;
  gboolean valid_with_message;   /* what the row said when its message changed */
} Notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notified   *notified)
{
  if (g_str_equal (pspec->name, "message"))
    {
      notified->message++;
      notified->valid_with_message = ll_reserve_row_get_valid (LL_RESERVE_ROW (object));
    }
  else if (g_str_equal (pspec->name, "valid"))
    notified->valid++;
}

/* The message the row should give for @text, in @units. */
static char *
describe (const char *text,
          LlUnits     units)
{
  LlMemInfo info;

  return ll_reserve_describe (text, LL_SIZE_FLAGS_LOCALE, ll_mem_read_system (&info, NULL, NULL) ? &info : NULL,
                              units, NULL);
}

static gboolean
entry_marked_invalid (LlReserveRow *row)
{
  GtkWidget *entry = GTK_WIDGET (ll_reserve_row_get_editable (row));

  return gtk_widget_has_css_class (entry, "error");
}

/* "auto" at first; a size; a word that is neither says so, in the row's
 * message and on its field; each change notified once. */
static void
test_typed (void)
{
  GtkWidget *widget = g_object_ref_sink (ll_reserve_row_new ());
  LlReserveRow *row = LL_RESERVE_ROW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Notified notified = { 0 };
  guint64 reserve = 0;
  LlMemInfo info;

  g_assert_cmpstr (gtk_editable_get_text (ll_reserve_row_get_editable (row)), ==, "auto");
  g_assert_true (ll_reserve_row_get_valid (row));
  g_assert_true (ll_reserve_row_get_reserve (row, &reserve, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reserve, ==, LL_RESERVE_DEFAULT);
  expected = describe ("auto", LL_UNITS_IEC);
  g_assert_cmpstr (ll_reserve_row_get_message (row), ==, expected);
  g_assert_false (entry_marked_invalid (row));

  g_signal_connect (row, "notify", G_CALLBACK (on_notify), &notified);

  ll_reserve_row_set_text (row, "2GiB");
  g_assert_true (ll_reserve_row_get_reserve (row, &reserve, NULL));
  g_assert_cmpuint (reserve, ==, 2 * GiB);
  g_clear_pointer (&expected, g_free);
  expected = describe ("2GiB", LL_UNITS_IEC);
  g_assert_cmpstr (ll_reserve_row_get_message (row), ==, expected);
  g_assert_cmpuint (notified.message, ==, 1);
  g_assert_cmpuint (notified.valid, ==, 0);

  ll_reserve_row_set_text (row, "lots");
  g_assert_false (ll_reserve_row_get_valid (row));
  g_assert_false (ll_reserve_row_get_reserve (row, &reserve, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (ll_reserve_row_get_message (row), ==, error->message);
  g_assert_nonnull (strstr (error->message, "auto"));
  g_clear_error (&error);
  g_assert_true (entry_marked_invalid (row));
  g_assert_cmpuint (notified.message, ==, 2);
  g_assert_cmpuint (notified.valid, ==, 1);
  /* (the message is an error's when it is told: whoever shows it styles it so) */
  g_assert_false (notified.valid_with_message);

  /* A share of this machine's memory, and its size here. */
  ll_reserve_row_set_text (row, "10%");
  g_assert_true (ll_reserve_row_get_valid (row));
  g_assert_true (notified.valid_with_message);
  g_assert_false (entry_marked_invalid (row));
  if (ll_mem_read_system (&info, NULL, NULL))
    {
      g_assert_true (ll_reserve_row_get_reserve (row, &reserve, NULL));
      g_assert_cmpuint (reserve, ==, (guint64) llround (MIN (info.total_bytes, info.cgroup_limit_bytes) / 10.0));
      g_clear_pointer (&expected, g_free);
      expected = describe ("10%", LL_UNITS_IEC);
      g_assert_cmpstr (ll_reserve_row_get_message (row), ==, expected);
      g_assert_true (g_str_has_prefix (expected, "10 % of memory: "));
    }
  g_assert_cmpuint (notified.valid, ==, 2);

  /* No reserve at all is a reserve too. */
  ll_reserve_row_set_text (row, "0");
  g_assert_true (ll_reserve_row_get_valid (row));
  g_assert_true (ll_reserve_row_get_reserve (row, &reserve, NULL));
  g_assert_cmpuint (reserve, ==, 0);
  g_assert_false (entry_marked_invalid (row));
  g_assert_cmpuint (notified.valid, ==, 2);

  /* The same text again says nothing new. */
  ll_reserve_row_set_text (row, "0");
  g_assert_cmpuint (notified.message, ==, 4);
  g_assert_cmpuint (notified.valid, ==, 2);

  g_object_unref (widget);
}

/* The message's sizes follow the units chosen. */
static void
test_units (void)
{
  GtkWidget *widget = g_object_ref_sink (ll_reserve_row_new ());
  LlReserveRow *row = LL_RESERVE_ROW (widget);
  g_autofree char *iec = describe ("2GiB", LL_UNITS_IEC);
  g_autofree char *si = describe ("2GiB", LL_UNITS_SI);

  g_assert_cmpstr (iec, !=, si);
  ll_reserve_row_set_text (row, "2GiB");
  g_assert_cmpstr (ll_reserve_row_get_message (row), ==, iec);
  ll_reserve_row_set_units (row, LL_UNITS_SI);
  g_assert_cmpstr (ll_reserve_row_get_message (row), ==, si);
  g_assert_nonnull (strstr (si, "2.15 GB"));

  g_object_unref (widget);
}

/* Bound to the settings: a reserve a run takes is saved as typed, an
 * error stays in the field, and the settings' value comes back in. */
static void
test_bound (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  GtkWidget *widget = g_object_ref_sink (ll_reserve_row_new ());
  LlReserveRow *row = LL_RESERVE_ROW (widget);
  Notified notified = { 0 };

  g_settings_set_string (settings, "reserve", "1GiB");
  ll_reserve_row_bind (row, settings, G_SETTINGS_BIND_DEFAULT);
  g_assert_cmpstr (gtk_editable_get_text (ll_reserve_row_get_editable (row)), ==, "1GiB");

  ll_reserve_row_set_text (row, "3GiB");
  assert_setting_string (settings, "reserve", "3GiB");

  ll_reserve_row_set_text (row, "3 apples");
  assert_setting_string (settings, "reserve", "3GiB");
  g_assert_cmpstr (gtk_editable_get_text (ll_reserve_row_get_editable (row)), ==, "3 apples");

  /* A share is saved as typed, to follow the memory of the machine it
   * runs on; more than all of the memory is not saved. */
  ll_reserve_row_set_text (row, "10 %");
  assert_setting_string (settings, "reserve", "10 %");
  ll_reserve_row_set_text (row, "200%");
  g_assert_false (ll_reserve_row_get_valid (row));
  assert_setting_string (settings, "reserve", "10 %");

  /* (one message for the settings' text, as for a text set on the row) */
  g_signal_connect (row, "notify", G_CALLBACK (on_notify), &notified);
  g_settings_set_string (settings, "reserve", "2GiB");
  g_assert_cmpstr (gtk_editable_get_text (ll_reserve_row_get_editable (row)), ==, "2GiB");
  g_assert_true (ll_reserve_row_get_valid (row));
  g_assert_cmpuint (notified.message, ==, 1);
  g_assert_cmpuint (notified.valid, ==, 1);

  g_settings_set_string (settings, "reserve", "auto");
  g_assert_cmpstr (gtk_editable_get_text (ll_reserve_row_get_editable (row)), ==, "auto");
  g_assert_true (ll_reserve_row_get_valid (row));
  g_assert_cmpuint (notified.message, ==, 2);

  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/reserve-row/typed", test_typed);
  g_test_add_func ("/ui/reserve-row/units", test_units);
  g_test_add_func ("/ui/reserve-row/bound", test_bound);

  return g_test_run ();
}
