"""Data blocks and figure quotes become ``news``'s (its migration 0005): they
leave ``funding``'s model state only. Their tables stay as they are, with
their names and every row; ``news`` takes them over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("funding", "0006_block_roles")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="figurequote", name="article"),
                migrations.RemoveField(model_name="figurequote", name="figure"),
                migrations.DeleteModel(name="DataBlock"),
                migrations.DeleteModel(name="FigureQuote"),
            ],
            database_operations=[],
        ),
    ]
