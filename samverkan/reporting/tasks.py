"""Background generation of export files (Django tasks; database queue in `make run`)."""

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import timezone
from django.utils.text import slugify

from .exports import RENDERERS, compilation_sections, report_sections
from .models import ExportJob, ExportStatus


def _set(job: ExportJob, **fields) -> None:
    for key, value in fields.items():
        setattr(job, key, value)
    job.save(update_fields=list(fields))


@task
def generate_export(job_id: int) -> None:
    """Render the job's report or compilation in its format and store the file."""
    job = ExportJob.objects.select_related("report__agreement", "compilation__frame").get(pk=job_id)
    _set(job, status=ExportStatus.RUNNING, progress_percent=5)
    try:
        sections = (
            report_sections(job.report) if job.report_id else compilation_sections(job.compilation)
        )
        _set(job, progress_percent=15)
        content = RENDERERS[job.format](
            sections, lambda p: _set(job, progress_percent=max(job.progress_percent, p))
        )
        name = f"{slugify(sections['title'])[:80] or 'export'}.{job.format}"
        job.file.save(name, ContentFile(content), save=False)
        _set(
            job,
            file=job.file,
            status=ExportStatus.DONE,
            progress_percent=100,
            finished_at=timezone.now(),
        )
    except Exception as e:  # shown to the user; the job stays for the record
        _set(job, status=ExportStatus.FAILED, error=str(e)[:2000], finished_at=timezone.now())
        raise
